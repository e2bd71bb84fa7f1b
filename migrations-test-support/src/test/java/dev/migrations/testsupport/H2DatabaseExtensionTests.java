package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class H2DatabaseExtensionTests {

	private static final List<TestDatabase> probedDatabases = new CopyOnWriteArrayList<>();

	@Test
	void eachTestClassGetsItsOwnInMemoryDatabaseWhichIsShutDownAfterwards() {
		probedDatabases.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(FirstProbe.class), selectClass(SecondProbe.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2).failed(0));

		assertThat(probedDatabases).extracting(TestDatabase::name).hasSize(2).doesNotHaveDuplicates();
		for (TestDatabase database : probedDatabases) {
			JdbcDataSource reopen = new JdbcDataSource();
			reopen.setURL(database.jdbcUrl() + ";IFEXISTS=TRUE");
			reopen.setUser(database.user());
			assertThatExceptionOfType(SQLException.class).as("%s after its class", database.name())
				.isThrownBy(reopen::getConnection)
				.withMessageContaining("not found");
		}
	}

	static void probe(TestDatabase database) throws SQLException {
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.H2);
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE marker (id int)");
			try (ResultSet tables = statement
				.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
				tables.next();
				assertThat(tables.getInt(1)).isOne();
			}
		}
		probedDatabases.add(database);
	}

	@H2Database
	static class FirstProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			H2DatabaseExtensionTests.probe(database);
		}

	}

	@H2Database
	static class SecondProbe {

		@Test
		void probe(TestDatabase database) throws SQLException {
			H2DatabaseExtensionTests.probe(database);
		}

	}

}
