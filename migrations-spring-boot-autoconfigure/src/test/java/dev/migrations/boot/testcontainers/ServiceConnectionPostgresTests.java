package dev.migrations.boot.testcontainers;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.core.Migrator;
import dev.migrations.test.database.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} JDBC container gives Migrations its connection, through
 * Spring Boot's own {@code @ServiceConnection} machinery and the factory registered in
 * {@code META-INF/spring.factories}. The container is a {@link LocalDatabaseContainer}
 * (never started, answering with a fresh database on the local PostgreSQL), restricted to
 * {@link MigrationsConnectionDetails}; the application's DataSource is an embedded H2,
 * which the revisions must not reach.
 */
@SpringBootTest(classes = ServiceConnectionPostgresTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(
		properties = { "spring.datasource.generate-unique-name=true", "migrations.locations=classpath:revisions/todo" })
@DirtiesContext
class ServiceConnectionPostgresTests {

	private static final PostgresServer server = PostgresServer.locate(System.getenv()).serverOrThrow();

	@ServiceConnection(type = MigrationsConnectionDetails.class)
	static final LocalDatabaseContainer postgres = LocalDatabaseContainer.on(server, "service_connection");

	@Autowired
	MigrationsConnectionDetails details;

	@Autowired
	Migrator migrator;

	@Autowired
	DataSource applicationDataSource;

	@AfterAll
	static void dropDatabase() throws SQLException {
		server.dropDatabase(postgres.database().name());
	}

	@Test
	void theConnectionDetailsAreTheContainers() {
		assertThat(this.details.getClass().getName())
			.startsWith(MigrationsContainerConnectionDetailsFactory.class.getName() + "$");
		assertThat(this.details.getJdbcUrl()).isEqualTo(postgres.getJdbcUrl());
		assertThat(this.details.getUsername()).isEqualTo(postgres.getUsername());
		assertThat(this.details.getPassword()).isEqualTo(postgres.getPassword());
		assertThat(this.details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
	}

	@Test
	void theRevisionsRunOnTheContainersDatabase() {
		assertThat(this.migrator.configuration().migrationDataSource()).isInstanceOfSatisfying(
				SimpleDriverDataSource.class,
				(dataSource) -> assertThat(dataSource.getUrl()).isEqualTo(postgres.getJdbcUrl()));
		DataSource container = postgres.database().dataSource();
		assertThat(JdbcClient.create(container)
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("users", "tasks", "migrations_applied", "migrations_history");
		assertThat(
				JdbcClient.create(container).sql("SELECT revision FROM migrations_applied").query(String.class).list())
			.containsExactlyInAnyOrder("001", "002");
	}

	@Test
	void theApplicationDataSourceIsLeftAlone() {
		List<String> tables = JdbcClient.create(this.applicationDataSource)
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")
			.query(String.class)
			.list();
		assertThat(tables).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class Application {

	}

}
