package dev.migrations.sample;

import dev.migrations.sample.config.PreferenceDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A small todo service (users and tasks) whose schema is kept by Migrations: the starter
 * brings the database to the newest revisions on startup, before JPA validates it.
 */
@SpringBootApplication
@EnableConfigurationProperties(PreferenceDefaults.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
