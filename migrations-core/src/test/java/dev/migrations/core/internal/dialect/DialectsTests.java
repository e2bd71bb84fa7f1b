package dev.migrations.core.internal.dialect;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.UnsupportedDatabaseException;
import dev.migrations.testsupport.H2Database;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@H2Database
class DialectsTests {

	@Test
	void h2IsDetectedAndHasNoTransactionalDdlNorDatabaseLock(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			Dialect dialect = Dialects.detect(connection);
			assertThat(dialect).isInstanceOf(H2Dialect.class);
			assertThat(dialect.transactionalDdl()).isFalse();
			assertThat(dialect.supportsSingleTransactionRuns()).isFalse();
			assertThat(dialect.databaseLock(new TableNames(null, "a", "b"))).isEmpty();
		}
	}

	@Test
	void h2StateTablesAreCreatedOnceAndFound(TestDatabase database) throws SQLException {
		H2Dialect dialect = new H2Dialect();
		TableNames names = new TableNames("state", "migrations_applied", "migrations_history");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			assertThat(dialect.stateTablesExist(connection, names)).isFalse();
			for (int i = 0; i < 2; i++) {
				for (String ddl : dialect.createStateTables(names)) {
					statement.execute(ddl);
				}
			}
			assertThat(dialect.stateTablesExist(connection, names)).isTrue();
			statement.execute("INSERT INTO \"state\".\"migrations_applied\" VALUES (" + dialect.literal("it's")
					+ ", '', '', NULL, 'APPLIED', CURRENT_TIMESTAMP, CURRENT_USER, 1)");
			try (var result = statement.executeQuery("SELECT revision FROM \"state\".\"migrations_applied\"")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("it's");
			}
		}
	}

	@Test
	void anUnsupportedDatabaseIsNamedWithItsVersion() {
		Connection connection = connectionTo("Oracle", "Oracle Database 23ai");

		assertThatExceptionOfType(UnsupportedDatabaseException.class).isThrownBy(() -> Dialects.detect(connection))
			.withMessage("Unsupported database: Oracle Oracle Database 23ai. Migrations supports PostgreSQL and H2.")
			.satisfies((ex) -> assertThat(ex.productName()).isEqualTo("Oracle"));
	}

	@Test
	void dialectsAreFoundByType() {
		assertThat(Dialects.of(DatabaseType.POSTGRESQL)).isInstanceOf(PostgresDialect.class);
		assertThat(Dialects.of(DatabaseType.H2)).isInstanceOf(H2Dialect.class);
	}

	private static Connection connectionTo(String product, String version) {
		DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DialectsTests.class.getClassLoader(),
				new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getDatabaseProductName" -> product;
					case "getDatabaseProductVersion" -> version;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return (Connection) Proxy.newProxyInstance(DialectsTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("getMetaData")) {
						return metaData;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

}
