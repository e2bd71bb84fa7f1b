package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

@MariaDbDatabase
class MariaDbDatabaseExtensionTests {

	private static final List<String> probedDatabases = new CopyOnWriteArrayList<>();

	@Test
	void eachTestClassGetsItsOwnDatabaseWhichIsDroppedAfterwards(TestDatabase own) throws SQLException {
		probedDatabases.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(FirstProbe.class), selectClass(SecondProbe.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));

		assertThat(probedDatabases).hasSize(2).doesNotHaveDuplicates().doesNotContain(own.name());
		try (Connection connection = own.connect()) {
			for (String name : probedDatabases) {
				assertThat(databaseExists(connection, name)).as("database %s after its class", name).isFalse();
			}
			assertThat(databaseExists(connection, own.name())).isTrue();
		}
	}

	@Test
	void theDatabaseIsTheOneConnectedTo(TestDatabase database) throws SQLException {
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.MARIADB);
		assertThat(database.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/" + database.name());
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo(database.name());
		}
	}

	@Test
	void anUnreachableConfiguredServerFailsWithAMessageSayingHowToProvideOne() {
		MariaDbServer.Located located = MariaDbServer
			.locate(Map.of(MariaDbServer.URL_VARIABLE, "jdbc:mariadb://127.0.0.1:1/?user=nobody"));

		assertThatIllegalStateException().isThrownBy(located::serverOrThrow)
			.withMessageStartingWith("MIGRATIONS_TEST_MARIADB_URL is set but its server cannot be used: ");
	}

	@Test
	void aMalformedConfiguredUrlNamesTheExpectedForm() {
		MariaDbServer.Located located = MariaDbServer
			.locate(Map.of(MariaDbServer.URL_VARIABLE, "mysql://localhost/db"));

		assertThatIllegalStateException().isThrownBy(located::serverOrThrow)
			.withMessage("MIGRATIONS_TEST_MARIADB_URL is set but its server cannot be used: "
					+ "Not a MariaDB JDBC URL: 'mysql://localhost/db'; "
					+ "expected jdbc:mariadb://host:port/?user=...&password=...");
	}

	private static boolean databaseExists(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
	}

	/**
	 * Creates the same table as {@link SecondProbe}: both succeed only if their databases
	 * are distinct and fresh.
	 */
	static void probe(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet tables = statement
				.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
				tables.next();
				assertThat(tables.getInt(1)).isZero();
			}
			statement.execute("CREATE TABLE marker (id int)");
			try (ResultSet current = statement.executeQuery("SELECT DATABASE()")) {
				current.next();
				probedDatabases.add(current.getString(1));
			}
		}
	}

	@MariaDbDatabase
	static class FirstProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			MariaDbDatabaseExtensionTests.probe(database);
		}

	}

	@MariaDbDatabase
	static class SecondProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			MariaDbDatabaseExtensionTests.probe(database);
		}

	}

}
