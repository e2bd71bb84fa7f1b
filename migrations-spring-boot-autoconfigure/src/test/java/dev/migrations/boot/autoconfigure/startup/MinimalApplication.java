package dev.migrations.boot.autoconfigure.startup;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testsupport.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The smallest application using Migrations: a DataSource, availability and Migrations.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
		MigrationsAutoConfiguration.class })
class MinimalApplication {

	/** An application on {@code database}, without a web server. */
	static SpringApplicationBuilder on(TestDatabase database, String... properties) {
		return new SpringApplicationBuilder(MinimalApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""))
			.properties(properties);
	}

}
