package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of tenant databases on the local MariaDB: MariaDB syntax ({@code #} comments)
 * split for MariaDB, each database its own state tables and lock.
 */
@MariaDbDatabase
class FleetMariaDbTests {

	@TempDir
	Path directory;

	@Test
	void upgradesEveryTenantDatabase(TestDatabase database) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory).write("001_accounts", "accounts", """
				# the mysql client's comment
				CREATE TABLE accounts (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200) NOT NULL);""",
				"DROP TABLE accounts;", "revision: 001");
		List<String> tenants = new ArrayList<>();
		StringBuilder lines = new StringBuilder();
		try {
			for (int n = 1; n <= 3; n++) {
				String name = database.name() + "_t" + n;
				execute(database, "CREATE DATABASE `" + name + "`");
				tenants.add(name);
				lines.append("{\"id\": \"")
					.append(name)
					.append("\", \"url\": \"jdbc:mariadb://127.0.0.1:3306/")
					.append(name)
					.append("\"}\n");
			}
			Path targets = this.directory.resolve("targets.jsonl");
			Files.writeString(targets, lines);
			CliRunner cli = new CliRunner(
					Map.of("MIGRATIONS_LOCATIONS", files.location(), "MIGRATIONS_USER", database.user()));

			CliRunner.Result result = cli.run("upgrade", "--targets", targets.toString());

			assertThat(result.exitCode()).as(result.err()).isZero();
			assertThat(result.out()).isEqualTo("3 target(s): 3 UPGRADED\n");
			for (String tenant : tenants) {
				assertThat(tables(database, tenant)).containsExactly("accounts", "migrations_applied",
						"migrations_history");
			}
			assertThat(cli.run("check", "--targets", targets.toString()).out())
				.isEqualTo("OK: 3 target(s) are at the code's heads (001)\n");
		}
		finally {
			for (String tenant : tenants) {
				execute(database, "DROP DATABASE IF EXISTS `" + tenant + "`");
			}
		}
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> tables(TestDatabase database, String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + schema,
				database.user(), database.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
						+ "table_schema = DATABASE() ORDER BY 1")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			return names;
		}
	}

}
