package dev.migrations.boot.autoconfigure.metrics;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.metrics.MigrationsObservationListener;
import dev.migrations.core.Migrator;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Migrations observations: runs and revisions as Micrometer
 * {@link io.micrometer.observation.Observation}s, so that they show in traces.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Migrator.class, ObservationRegistry.class })
@ConditionalOnBean({ Migrator.class, ObservationRegistry.class })
public final class MigrationsObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsObservationListener migrationsObservationListener(ObservationRegistry registry) {
		return new MigrationsObservationListener(registry);
	}

}
