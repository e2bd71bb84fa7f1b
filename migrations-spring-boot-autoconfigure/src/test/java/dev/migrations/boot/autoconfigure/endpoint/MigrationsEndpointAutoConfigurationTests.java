package dev.migrations.boot.autoconfigure.endpoint;

import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpointWebExtension;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.core.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsEndpointAutoConfiguration}.
 */
class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"migrations.locations=classpath:revisions/todo", "migrations.on-startup=none");

	@Test
	void providesTheEndpointAndItsWebExtensionWhenExposedOverHttp() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasSingleBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void providesNoWebExtensionWhenTheEndpointIsExposedOverJmxOnly() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
			.doesNotHaveBean(MigrationsEndpoint.class)
			.doesNotHaveBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutAMigrator() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void usesAnEndpointBeanOfTheApplication() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean("customEndpoint", MigrationsEndpoint.class,
					() -> new MigrationsEndpoint(new org.springframework.context.support.GenericApplicationContext()))
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class).hasBean("customEndpoint"));
	}

}
