package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on the local MariaDB, reached through {@code DATABASE_URL} as
 * {@code mysql://}, {@code mysql+pymysql://} and {@code jdbc:mysql:} (taken by the
 * bundled MariaDB Connector/J).
 */
@MariaDbDatabase
class MariaDbCommandsTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	private RevisionFiles files;

	@BeforeEach
	void emptyDatabase(TestDatabase database) throws SQLException {
		this.database = database;
		for (String table : query(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() " + "ORDER BY 1")) {
			execute("SET FOREIGN_KEY_CHECKS = 0", "DROP TABLE `" + table + "`");
		}
		this.files = new RevisionFiles(this.directory)
			.write("001_initial_schema", "initial schema", """
					CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200) NOT NULL);
					CREATE TABLE tasks (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL,
					    FOREIGN KEY (user_id) REFERENCES users (id));""", "DROP TABLE tasks;\nDROP TABLE users;",
					"revision: 001")
			.write("002_user_preferences", "Add user preferences table", """
					# the mysql client's comment
					CREATE TABLE `user_preferences` (id INT AUTO_INCREMENT PRIMARY KEY, theme VARCHAR(20));""",
					"DROP TABLE user_preferences;", "revision: 002", "down_revision: 001");
	}

	@Test
	void upgradeCurrentHistoryDowngradeAndCheckThroughAMysqlDatabaseUrl() throws SQLException {
		CliRunner cli = cli("mysql://" + this.database.user() + "@127.0.0.1:3306/" + this.database.name());

		CliRunner.Result upgrade = cli.run("upgrade", "head");

		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.err()).isEqualTo("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				""");
		assertThat(query(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() " + "ORDER BY 1"))
			.containsExactlyInAnyOrder("migrations_applied", "migrations_history", "tasks", "user_preferences",
					"users");
		assertThat(cli.run("current").out()).isEqualTo("002 (head)\n");
		assertThat(cli.run("history").out()).isEqualTo("""
				001 -> 002 (head), Add user preferences table
				<base> -> 001, initial schema
				""");
		assertThat(cli.run("check").exitCode()).isZero();

		CliRunner.Result downgrade = cli.run("downgrade", "-1");

		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(downgrade.err())
			.isEqualTo("INFO  [migrations] Running downgrade 002 -> 001, Add user preferences table\n");
		assertThat(cli.run("current").out()).isEqualTo("001\n");
		CliRunner.Result check = cli.run("check");
		assertThat(check.exitCode()).isEqualTo(1);
	}

	@Test
	void aJdbcMysqlUrlAndTheSqlAlchemyFormReachTheServerThroughTheBundledDriver() throws SQLException {
		Map<String, String> environment = Map.of("MIGRATIONS_LOCATIONS", this.files.location(), "MIGRATIONS_URL",
				"jdbc:mysql://127.0.0.1:3306/" + this.database.name(), "MIGRATIONS_USER", this.database.user());
		CliRunner.Result result = new CliRunner(environment).run("upgrade", "001");
		assertThat(result.exitCode()).as(result.err()).isZero();

		CliRunner pymysql = cli("mysql+pymysql://" + this.database.user() + "@127.0.0.1:3306/" + this.database.name()
				+ "?charset=utf8mb4");
		assertThat(pymysql.run("upgrade").exitCode()).isZero();
		assertThat(pymysql.run("current").out()).isEqualTo("002 (head)\n");
		assertThat(query("SELECT revision FROM migrations_applied ORDER BY 1")).containsExactly("001", "002");
	}

	@Test
	void offlineSqlIsWrittenForMariaDb() {
		Map<String, String> environment = Map.of("MIGRATIONS_LOCATIONS", this.files.location(), "MIGRATIONS_URL",
				"jdbc:mariadb://127.0.0.1:3306/" + this.database.name());
		CliRunner.Result result = new CliRunner(environment).run("upgrade", "base:head", "--sql");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("""
				-- Migrations offline SQL (MARIADB): upgrade from base
				-- Run it with: mariadb DATABASE < <this file> (or mysql; the client stops at the first error
				-- unless given --force, which would run the rest of the script on a half-migrated database)

				CREATE TABLE IF NOT EXISTS `migrations_applied` (""")
			.contains("CREATE TABLE `user_preferences` (id INT AUTO_INCREMENT PRIMARY KEY, theme VARCHAR(20));")
			.contains("UTC_TIMESTAMP(6)");
	}

	@Test
	void aFailingStatementIsNamedByFileLineAndErrorCode() {
		this.files.write("003_bad", "bad", "INSERT INTO no_such_table VALUES (1);", "", "revision: 003",
				"down_revision: 002");
		CliRunner cli = cli("mariadb://" + this.database.user() + "@127.0.0.1:3306/" + this.database.name());

		CliRunner.Result result = cli.run("upgrade");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).doesNotContain("WARN")
			.contains("INFO  [migrations] Running upgrade 002 -> 003, bad\nFAILED: Upgrade of revision 003 failed in "
					+ "filesystem:")
			.contains("003_bad.sql at line 7 (SQLState 42S02): error 1146: Table '" + this.database.name()
					+ ".no_such_table' doesn't exist");
	}

	private CliRunner cli(String databaseUrl) {
		return new CliRunner(Map.of("MIGRATIONS_LOCATIONS", this.files.location(), "DATABASE_URL", databaseUrl));
	}

	private List<String> query(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	private void execute(String... sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

}
