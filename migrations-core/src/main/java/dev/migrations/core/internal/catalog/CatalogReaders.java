package dev.migrations.core.internal.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.UnsupportedDatabaseException;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.internal.dialect.Dialects;

/** Reads a catalog with the reader of the connection's database. */
public final class CatalogReaders {

	private CatalogReaders() {
	}

	public static Catalog read(Connection connection, @Nullable String schema, Set<String> excludedTables) {
		try {
			DatabaseType type = Dialects.detect(connection).type();
			String name = (schema != null) ? schema : currentSchema(connection);
			return switch (type) {
				case POSTGRESQL -> new PostgresCatalogReader(connection, name, excludedTables).read();
				case H2 -> new H2CatalogReader(connection, name, excludedTables).read();
				default -> throw unsupported(connection);
			};
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("read the catalog of the schema", ex);
		}
	}

	private static String currentSchema(Connection connection) throws SQLException {
		String schema = connection.getSchema();
		if (schema == null) {
			throw new SQLException("the connection has no current schema");
		}
		return schema;
	}

	private static UnsupportedDatabaseException unsupported(Connection connection) throws SQLException {
		return new UnsupportedDatabaseException(connection.getMetaData().getDatabaseProductName(),
				connection.getMetaData().getDatabaseProductVersion());
	}

}
