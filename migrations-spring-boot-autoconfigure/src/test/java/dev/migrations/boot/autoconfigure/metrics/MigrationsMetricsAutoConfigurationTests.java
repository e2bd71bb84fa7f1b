package dev.migrations.boot.autoconfigure.metrics;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.metrics.MigrationsMeterBinder;
import dev.migrations.boot.metrics.MigrationsMetricsListener;
import dev.migrations.boot.metrics.MigrationsObservationListener;
import dev.migrations.core.Migrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsMetricsAutoConfiguration} and
 * {@link MigrationsObservationAutoConfiguration}: the startup run is measured and
 * observed.
 */
class MigrationsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MetricsAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class,
				MigrationsObservationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"migrations.locations=classpath:revisions/todo");

	@Test
	void measuresTheStartupRunAndBindsTheGauges() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsMeterBinder.class)
				.hasSingleBean(MigrationsMetricsListener.class);
			assertThat(context.getBean(Migrator.class).configuration().listeners())
				.contains(context.getBean(MigrationsMetricsListener.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(
					registry.get("migrations.runs").tags("direction", "upgrade", "outcome", "success").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("migrations.revisions").timer().count()).isEqualTo(2);
			assertThat(registry.get("migrations.applied").tag("name", "migrator").gauge().value()).isEqualTo(2);
			assertThat(registry.get("migrations.pending").tag("name", "migrator").gauge().value()).isZero();
		});
	}

	@Test
	void observesTheStartupRun() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsObservationListener.class);
			TestObservationRegistryAssert
				.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
				.hasNumberOfObservationsWithNameEqualTo("migrations.run", 1)
				.hasNumberOfObservationsWithNameEqualTo("migrations.revision", 2);
		});
	}

	@Test
	void backsOffWithoutARegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
			.doesNotHaveBean(MigrationsMeterBinder.class)
			.doesNotHaveBean(MigrationsMetricsListener.class)
			.doesNotHaveBean(MigrationsObservationListener.class));
	}

	@Test
	void backsOffWithoutMicrometerMetrics() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsMeterBinder.class)
				.doesNotHaveBean(MigrationsMetricsListener.class));
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationsMetricsListener.class)
				.doesNotHaveBean(MigrationsObservationListener.class));
	}

}
