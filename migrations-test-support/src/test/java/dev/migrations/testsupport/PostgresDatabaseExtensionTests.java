package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

@PostgresDatabase
class PostgresDatabaseExtensionTests {

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
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.POSTGRESQL);
		assertThat(database.jdbcUrl()).endsWith("/" + database.name()).doesNotContain("password");
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_database()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo(database.name());
		}
	}

	private static boolean databaseExists(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
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
				.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
				tables.next();
				assertThat(tables.getInt(1)).isZero();
			}
			statement.execute("CREATE TABLE marker (id int)");
			try (ResultSet current = statement.executeQuery("SELECT current_database()")) {
				current.next();
				probedDatabases.add(current.getString(1));
			}
		}
	}

	@PostgresDatabase
	static class FirstProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			PostgresDatabaseExtensionTests.probe(database);
		}

	}

	@PostgresDatabase
	static class SecondProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			PostgresDatabaseExtensionTests.probe(database);
		}

	}

}
