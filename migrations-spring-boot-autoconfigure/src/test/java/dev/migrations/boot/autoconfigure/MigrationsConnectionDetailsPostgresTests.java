package dev.migrations.boot.autoconfigure;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.core.Migrator;
import dev.migrations.test.database.PostgresServer;
import dev.migrations.test.database.ScratchDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MigrationsConnectionDetails} bean gives Migrations its connection, on two
 * fresh PostgreSQL databases: the application's DataSource on one, the details on the
 * other (and a third for {@code migrations.url} or a {@code @MigrationsDataSource}). The
 * revisions' tables and the state rows land in the winner's database only.
 */
class MigrationsConnectionDetailsPostgresTests {

	private static PostgresServer server;

	private static ScratchDatabase application;

	private static ScratchDatabase migrations;

	private static ScratchDatabase other;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.locations=classpath:revisions/todo");

	@BeforeAll
	static void createDatabases() throws SQLException {
		server = PostgresServer.locate(System.getenv()).serverOrThrow();
		application = server.createDatabase(ScratchDatabase.uniqueName("details_application"));
		migrations = server.createDatabase(ScratchDatabase.uniqueName("details_migrations"));
		other = server.createDatabase(ScratchDatabase.uniqueName("details_other"));
	}

	@BeforeEach
	void emptyDatabases() {
		for (ScratchDatabase database : new ScratchDatabase[] { application, migrations, other }) {
			JdbcClient.create(database.dataSource()).sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public").update();
		}
	}

	@AfterAll
	static void dropDatabases() throws SQLException {
		for (ScratchDatabase database : new ScratchDatabase[] { application, migrations, other }) {
			if (database != null) {
				server.dropDatabase(database.name());
			}
		}
	}

	@Test
	void aConnectionDetailsBeanGetsTheRevisionsAndTheStateRows() {
		this.contextRunner.withPropertyValues(applicationDataSource())
			.withBean(MigrationsConnectionDetails.class, () -> details(migrations))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.configuration().migrationDataSource()).isInstanceOfSatisfying(
						SimpleDriverDataSource.class,
						(dataSource) -> assertThat(dataSource.getUrl()).isEqualTo(migrations.jdbcUrl()));
				assertThat(tables(migrations.dataSource())).containsExactlyInAnyOrder("users", "tasks",
						"migrations_applied", "migrations_history");
				assertThat(applied(migrations.dataSource())).containsExactlyInAnyOrder("001", "002");
				assertThat(history(migrations.dataSource())).isPositive();
				assertThat(tables(application.dataSource())).isEmpty();
			});
	}

	@Test
	void aConnectionDetailsBeanWinsOverMigrationsUrl() {
		this.contextRunner.withPropertyValues(applicationDataSource())
			.withPropertyValues("migrations.url=" + other.jdbcUrl(), "migrations.user=" + other.user())
			.withBean(MigrationsConnectionDetails.class, () -> details(migrations))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(applied(migrations.dataSource())).containsExactlyInAnyOrder("001", "002");
				assertThat(tables(other.dataSource())).isEmpty();
				assertThat(tables(application.dataSource())).isEmpty();
			});
	}

	@Test
	void aMigrationsDataSourceBeanWinsOverAConnectionDetailsBean() {
		this.contextRunner.withPropertyValues(applicationDataSource())
			.withBean(MigrationsConnectionDetails.class, () -> details(migrations))
			.withUserConfiguration(OtherDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(applied(other.dataSource())).containsExactlyInAnyOrder("001", "002");
				assertThat(tables(migrations.dataSource())).isEmpty();
			});
	}

	@Test
	void migrationsUrlIsExposedAsConnectionDetails() {
		this.contextRunner.withPropertyValues(applicationDataSource())
			.withPropertyValues("migrations.url=" + other.jdbcUrl(), "migrations.user=" + other.user(),
					"migrations.on-startup=none")
			.run((context) -> {
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo(other.jdbcUrl());
				assertThat(details.getUsername()).isEqualTo(other.user());
				assertThat(details.getPassword()).isNull();
				assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
			});
	}

	@Test
	void theApplicationDataSourceWithoutADedicatedConnection() {
		this.contextRunner.withPropertyValues(applicationDataSource())
			.withPropertyValues("migrations.on-startup=none")
			.run((context) -> {
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isNull();
				assertThat(details.getUsername()).isNull();
				assertThat(details.getDriverClassName()).isNull();
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.configuration().migrationDataSource()).isNull();
				assertThat(migrator.configuration().dataSource()).isSameAs(context.getBean(DataSource.class));
			});
	}

	private static String[] applicationDataSource() {
		return new String[] { "spring.datasource.url=" + application.jdbcUrl(),
				"spring.datasource.username=" + application.user(),
				"spring.datasource.password=" + ((application.password() != null) ? application.password() : "") };
	}

	private static MigrationsConnectionDetails details(ScratchDatabase database) {
		return new MigrationsConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.jdbcUrl();
			}

			@Override
			public String getUsername() {
				return database.user();
			}

			@Override
			public @Nullable String getPassword() {
				return database.password();
			}

		};
	}

	private static List<String> tables(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list();
	}

	private static List<String> applied(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("SELECT revision FROM migrations_applied").query(String.class).list();
	}

	private static long history(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("SELECT count(*) FROM migrations_history").query(Long.class).single();
	}

	@Configuration(proxyBeanMethods = false)
	static class OtherDataSourceConfiguration {

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource otherDataSource() {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(other.jdbcUrl())
				.username(other.user())
				.build();
		}

	}

}
