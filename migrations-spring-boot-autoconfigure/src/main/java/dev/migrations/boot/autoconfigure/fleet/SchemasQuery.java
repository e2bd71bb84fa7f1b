package dev.migrations.boot.autoconfigure.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Runs {@code migrations.fleet.schemas-query}: the schemas in its first column. */
final class SchemasQuery {

	private SchemasQuery() {
	}

	static List<String> run(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> schemas = new ArrayList<>();
			while (rows.next()) {
				schemas.add(rows.getString(1));
			}
			return schemas;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("migrations.fleet.schemas-query failed: " + ex.getMessage() + " (SQLState "
					+ ex.getSQLState() + "); fix the query", ex);
		}
	}

}
