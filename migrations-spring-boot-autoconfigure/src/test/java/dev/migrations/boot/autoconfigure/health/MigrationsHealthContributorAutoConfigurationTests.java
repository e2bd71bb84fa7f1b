package dev.migrations.boot.autoconfigure.health;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.health.MigrationsHealthIndicator;
import dev.migrations.core.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsHealthContributorAutoConfiguration}.
 */
class MigrationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"migrations.locations=classpath:revisions/todo");

	@Test
	void providesTheMigrationsHealthIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HealthContributor.class).hasBean("migrationsHealthContributor");
			assertThat(context.getBean("migrationsHealthContributor")).isInstanceOf(MigrationsHealthIndicator.class);
			assertThat(((HealthIndicator) context.getBean("migrationsHealthContributor")).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void backsOffWithoutTheHealthLibrary() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void usesAHealthIndicatorOfTheApplication() {
		this.contextRunner
			.withBean("migrationsHealthIndicator", HealthIndicator.class,
					() -> () -> org.springframework.boot.health.contributor.Health.unknown().build())
			.run((context) -> assertThat(context).hasSingleBean(HealthContributor.class)
				.hasBean("migrationsHealthIndicator"));
	}

}
