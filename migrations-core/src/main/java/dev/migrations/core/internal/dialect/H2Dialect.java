package dev.migrations.core.internal.dialect;

import java.sql.Connection;
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
		return StateTableQuery.stateTablesExist(connection, names, "CURRENT_SCHEMA");
	}

	@Override
	public Optional<MigrationLock> databaseLock(TableNames names) {
		return Optional.empty();
	}

}
