package dev.migrations.boot.autoconfigure.metrics;

import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.metrics.MigrationsMeterBinder;
import dev.migrations.boot.metrics.MigrationsMetricsListener;
import dev.migrations.core.Migrator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Migrations metrics: gauges of the {@link Migrator} beans and
 * timers of their runs and revisions.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean({ Migrator.class, MeterRegistry.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMeterBinder migrationsMeterBinder(Map<String, Migrator> migrators) {
		return new MigrationsMeterBinder(migrators);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetricsListener migrationsMetricsListener(MeterRegistry registry) {
		return new MigrationsMetricsListener(registry);
	}

}
