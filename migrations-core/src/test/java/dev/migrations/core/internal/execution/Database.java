package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Small JDBC helpers for assertions. */
public final class Database {

	private final DataSource dataSource;

	public Database(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Each row of {@code sql} as column label to value, in order. */
	public List<Map<String, Object>> rows(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= columns; i++) {
					row.put(result.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
							result.getObject(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The first column of each row of {@code sql}. */
	public List<Object> column(String sql) {
		return rows(sql).stream().map((row) -> row.values().iterator().next()).toList();
	}

	public Object value(String sql) {
		return column(sql).get(0);
	}

	public void execute(String... sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** Whether a table of that name exists (any schema, case-insensitive). */
	public boolean tableExists(String table) {
		return !rows("SELECT 1 FROM information_schema.tables WHERE lower(table_name) = '"
				+ table.toLowerCase(java.util.Locale.ROOT) + "'")
			.isEmpty();
	}

}
