package dev.migrations.boot.autoconfigure.jpa;

import java.util.List;

import dev.migrations.core.MigrationState;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPA application on PostgreSQL whose schema the revisions create on startup: Hibernate
 * validates it ({@code ddl-auto=validate}) after the startup run.
 */
@PostgresDatabase
@SpringBootTest(
		properties = { "migrations.locations=classpath:revisions/todo", "spring.jpa.hibernate.ddl-auto=validate" })
@DirtiesContext
class MigrationsJpaIntegrationTests {

	private static TestDatabase database;

	@Autowired
	private TaskRepository tasks;

	@Autowired
	private Migrator migrator;

	@Autowired
	private ConfigurableApplicationContext context;

	@BeforeAll
	static void useDatabase(TestDatabase testDatabase) {
		database = testDatabase;
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void hibernateValidatesTheSchemaTheRevisionsCreated() {
		assertThat(this.migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		this.tasks.save(new Task(1L, "Write the README"));
		assertThat(this.tasks.findAll()).extracting(Task::getTitle).containsExactly("Write the README");
		List<String> applied = JdbcClient.create(database.dataSource())
			.sql("SELECT revision FROM migrations_applied ORDER BY revision")
			.query(String.class)
			.list();
		assertThat(applied).containsExactly("001", "002");
	}

	@Test
	void theEntityManagerFactoryDependsOnTheStartupRun() {
		assertThat(this.context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
			.contains("migrationsInitializer");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TodoApplication {

	}

}
