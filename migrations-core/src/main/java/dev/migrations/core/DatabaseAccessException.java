package dev.migrations.core;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Migrations could not talk to the database outside a revision: connect, read or write
 * its state tables, take the lock.
 */
public class DatabaseAccessException extends MigrationsException {

	private final @Nullable String sqlState;

	/**
	 * @param action what was being done, e.g. {@code read "public"."migrations_applied"}
	 * @param cause the driver's error
	 */
	public DatabaseAccessException(String action, SQLException cause) {
		super("Could not " + action + ": " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
		this.sqlState = cause.getSQLState();
	}

	public @Nullable String sqlState() {
		return this.sqlState;
	}

}
