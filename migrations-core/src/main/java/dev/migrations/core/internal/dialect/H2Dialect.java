package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.migrations.core.DatabaseType;

/**
 * H2: DDL commits implicitly, so a revision failing after some of its statements ran is
 * recorded {@code FAILED}. No database lock: H2 is embedded in one JVM, where runs of a
 * {@code Migrator} are serialized; processes sharing an H2 server are not kept apart.
 */
public final class H2Dialect implements Dialect {

	@Override
	public DatabaseType type() {
		return DatabaseType.H2;
	}

	@Override
	public boolean handles(String databaseProductName) {
		return "H2".equalsIgnoreCase(databaseProductName);
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public boolean stateTablesExist(Connection connection, TableNames names) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
				+ "WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND TABLE_NAME IN (?, ?)")) {
			statement.setString(1, names.schema());
			statement.setString(2, names.versionTable());
			statement.setString(3, names.historyTable());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 2;
			}
		}
	}

	@Override
	public Optional<MigrationLock> databaseLock(TableNames names) {
		return Optional.empty();
	}

}
