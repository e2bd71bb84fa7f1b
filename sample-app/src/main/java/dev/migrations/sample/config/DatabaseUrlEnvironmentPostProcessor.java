package dev.migrations.sample.config;

import java.util.HashMap;
import java.util.Map;

import dev.migrations.core.DatabaseUrl;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads {@code DATABASE_URL} in the {@code postgresql://user:password@host:port/db} form
 * (as Heroku, Render or the Alembic guides use it) into {@code spring.datasource.*}.
 * Explicit {@code SPRING_DATASOURCE_*} variables still win.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String VARIABLE = "DATABASE_URL";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String value = environment.getProperty(VARIABLE);
		if (value == null || value.isBlank()) {
			return;
		}
		DatabaseUrl url = DatabaseUrl.parse(value);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url.jdbcUrl());
		if (url.user() != null) {
			properties.put("spring.datasource.username", url.user());
		}
		if (url.password() != null) {
			properties.put("spring.datasource.password", url.password());
		}
		MapPropertySource source = new MapPropertySource(VARIABLE, properties);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

}
