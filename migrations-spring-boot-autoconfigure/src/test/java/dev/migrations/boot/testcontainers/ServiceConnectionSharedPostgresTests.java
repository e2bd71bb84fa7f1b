package dev.migrations.boot.testcontainers;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.test.database.PostgresServer;
import dev.migrations.test.database.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code @ServiceConnection} JDBC container, as an application's test declares
 * it: Spring Boot's JDBC factory gives the application's DataSource the container, and
 * Migrations' factory gives Migrations a connection of its own to it. The container is a
 * {@link LocalDatabaseContainer}, never started.
 */
@SpringBootTest(classes = ServiceConnectionSharedPostgresTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "migrations.locations=classpath:revisions/todo")
@DirtiesContext
class ServiceConnectionSharedPostgresTests {

	private static final PostgresServer server = PostgresServer.locate(System.getenv()).serverOrThrow();

	@ServiceConnection
	static final LocalDatabaseContainer postgres = LocalDatabaseContainer.on(server, "shared_connection");

	@Autowired
	Migrator migrator;

	@AfterAll
	static void dropDatabase() throws SQLException {
		server.dropDatabase(postgres.database().name());
	}

	@Test
	void theApplicationAndMigrationsBothReachTheContainer() {
		assertThat(this.migrator.configuration().dataSource()).isInstanceOfSatisfying(HikariDataSource.class,
				(dataSource) -> assertThat(dataSource.getJdbcUrl()).isEqualTo(postgres.getJdbcUrl()));
		assertThat(this.migrator.configuration().migrationDataSource()).isInstanceOfSatisfying(
				SimpleDriverDataSource.class,
				(dataSource) -> assertThat(dataSource.getUrl()).isEqualTo(postgres.getJdbcUrl()));
		assertThat(this.migrator.currentHeads()).containsExactly("002");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class Application {

	}

}
