package dev.migrations.core.internal.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Runs the catalog queries, each taking the schema name as its one parameter. */
final class CatalogQueries {

	private CatalogQueries() {
	}

	static void query(Connection connection, String sql, String schema, RowHandler handler) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.handle(rs);
				}
			}
		}
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		try {
			Object[] values = (Object[]) array.getArray();
			return Arrays.stream(values).map(String::valueOf).toList();
		}
		finally {
			array.free();
		}
	}

	/** Handles one row of a result. */
	@FunctionalInterface
	interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
