package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether the state tables exist, asked of the standard {@code INFORMATION_SCHEMA}, for
 * the dialects whose catalog has it (H2, MariaDB, MySQL; PostgreSQL asks
 * {@code to_regclass}, which follows its search path).
 */
final class StateTableQuery {

	private StateTableQuery() {
	}

	/**
	 * Whether both state tables exist in the configured schema or, with none configured,
	 * in the one {@code currentSchema} names.
	 * @param currentSchema the SQL expression of the connection's current schema, e.g.
	 * {@code CURRENT_SCHEMA} or {@code DATABASE()}
	 */
	static boolean stateTablesExist(Connection connection, TableNames names, String currentSchema) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
				+ "WHERE TABLE_SCHEMA = COALESCE(?, " + currentSchema + ") AND TABLE_NAME IN (?, ?)")) {
			statement.setString(1, names.schema());
			statement.setString(2, names.versionTable());
			statement.setString(3, names.historyTable());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 2;
			}
		}
	}

}
