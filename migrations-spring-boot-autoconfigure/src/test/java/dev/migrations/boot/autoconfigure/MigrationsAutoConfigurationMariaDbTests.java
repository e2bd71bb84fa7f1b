package dev.migrations.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationState;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on the local MariaDB: the database type comes from
 * {@code spring.datasource.url}, so the revisions load with the mysql client's syntax
 * ({@code #} comments, {@code DELIMITER}), and the startup run applies them.
 */
@MariaDbDatabase
class MigrationsAutoConfigurationMariaDbTests {

	@Test
	void theDatabaseTypeComesFromTheDataSourceUrlAndTheStartupRunAppliesTheRevisions(TestDatabase database) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(), "migrations.locations=classpath:revisions/mariadb")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.configuration().databaseType()).isEqualTo(DatabaseType.MARIADB);
				assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
				try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO notes (body) VALUES ('  padded  ')");
					try (ResultSet result = statement.executeQuery("SELECT body FROM notes")) {
						result.next();
						assertThat(result.getString(1)).isEqualTo("padded");
					}
				}
			});
	}

}
