package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import dev.migrations.core.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: transactional DDL, and a session-level advisory lock on a dedicated
 * connection.
 */
public final class PostgresDialect implements Dialect {

	@Override
	public DatabaseType type() {
		return DatabaseType.POSTGRESQL;
	}

	@Override
	public boolean handles(String databaseProductName) {
		return "PostgreSQL".equalsIgnoreCase(databaseProductName);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/** The PostgreSQL driver pipelines a batch and names the failed entry. */
	@Override
	public boolean pipelinesStatementBatches() {
		return true;
	}

	/**
	 * Uses an {@code E''} string when the value holds a backslash, so that the literal
	 * reads the same whatever {@code standard_conforming_strings} is.
	 */
	@Override
	public String literal(@Nullable String value) {
		if (value == null || value.indexOf('\\') < 0) {
			return Dialect.super.literal(value);
		}
		return "E'" + value.replace("\0", "").replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/**
	 * On PostgreSQL 14 and later, makes the server check every second that the client is
	 * still there while a statement runs, so that the transaction of a killed process
	 * (say, in a long {@code pg_sleep} or index build) is rolled back at once instead of
	 * when the statement ends, and never blocks the next run.
	 */
	@Override
	public void prepareWorkConnection(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET client_connection_check_interval = 1000");
			}
		}
	}

	@Override
	public @Nullable String transactionSetting(Connection connection) throws SQLException {
		return (connection.getMetaData().getDatabaseMajorVersion() >= 14)
				? "SET LOCAL client_connection_check_interval = 1000" : null;
	}

	/** Resets {@code client_connection_check_interval} where it was set. */
	@Override
	public void releaseWorkConnection(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET client_connection_check_interval");
			}
		}
	}

	/** {@code txid_current()}: assigns the transaction an id, as its state rows would. */
	@Override
	public @Nullable Long transactionId(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT txid_current()")) {
			result.next();
			return result.getLong(1);
		}
	}

	/** {@code txid_status()}, on PostgreSQL 10 and later. */
	@Override
	public boolean committed(Connection connection, long transactionId) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() < 10) {
			return false;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT txid_status(?) = 'committed'")) {
			statement.setLong(1, transactionId);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/** From {@code pg_namespace}: the information schema hides schemas without rights. */
	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)")) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	public boolean stateTablesExist(Connection connection, TableNames names) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT to_regclass(?) IS NOT NULL AND to_regclass(?) IS NOT NULL")) {
			statement.setString(1, table(names, names.versionTable()));
			statement.setString(2, table(names, names.historyTable()));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	public Optional<MigrationLock> databaseLock(TableNames names) {
		return Optional.of(new PostgresAdvisoryLock(names));
	}

}
