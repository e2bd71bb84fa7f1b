package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.UnsupportedDatabaseException;

/** Finds the dialect of a connection or a database type. */
public final class Dialects {

	private static final List<Dialect> ALL = List.of(new PostgresDialect(), new H2Dialect(), MySqlDialect.mariaDb(),
			MySqlDialect.mySql());

	private Dialects() {
	}

	/**
	 * The dialect handling the connection's database.
	 * @throws UnsupportedDatabaseException naming the product and version otherwise
	 */
	public static Dialect detect(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String product = metaData.getDatabaseProductName();
		for (Dialect dialect : ALL) {
			if (dialect.handles(product)) {
				return dialect;
			}
		}
		throw new UnsupportedDatabaseException(product, metaData.getDatabaseProductVersion());
	}

	public static Dialect of(DatabaseType type) {
		return ALL.stream()
			.filter((dialect) -> dialect.type() == type)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No dialect for " + type));
	}

}
