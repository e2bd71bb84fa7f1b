package dev.migrations.core.internal.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB/MySQL user lock ({@code GET_LOCK}) on a connection of its own, in autocommit.
 * The server releases it when the session ends, so a killed process never leaves it
 * behind; the session's {@code wait_timeout} is raised so that the server does not end
 * the idle lock session during a long run. User locks are server-wide: the name holds the
 * database and the version table, {@code migrations:<database>.
 *
<table>
 * } (hashed when longer than the 64 characters a lock name may have). The holder is found
 * with {@code IS_USED_LOCK} and {@code information_schema.PROCESSLIST}.
 */
public final class MySqlUserLock extends SessionLock<String> {

	private static final Logger logger = LoggerFactory.getLogger(MySqlUserLock.class);

	private static final int MAX_NAME_LENGTH = 64;

	private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

	private static final String HOLDER_QUERY = "SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, p.STATE "
			+ "FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)";

	private final TableNames names;

	public MySqlUserLock(TableNames names) {
		super("open the migration lock's connection, a second one beside the run's "
				+ "work connection: a run needs two connections from its data source (one holds the lock); "
				+ "raise the pool size",
				"take the migration lock (GET_LOCK on "
						+ ((names.schema() != null) ? "database " + names.schema() : "the current database") + ", "
						+ names.versionTable() + ")");
		this.names = names;
	}

	/** The lock name for the state tables in {@code database}. */
	public static String lockName(String database, String table) {
		String name = "migrations:" + database + "." + table;
		if (name.length() <= MAX_NAME_LENGTH) {
			return name;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return "migrations:" + HexFormat.of().formatHex(digest).substring(0, 40);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The lock name on {@code connection}: of the configured schema, else its database.
	 */
	String nameFor(Connection connection) throws SQLException {
		String database = this.names.schema();
		if (database == null) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
				database = result.next() ? result.getString(1) : null;
			}
		}
		return lockName((database != null) ? database : "", this.names.versionTable());
	}

	@Override
	String take(Connection connection, Duration timeout, WaitObserver observer) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// The server ends idle sessions after wait_timeout (8 hours by default).
			statement.execute("SET SESSION wait_timeout = 31536000");
		}
		String name = nameFor(connection);
		waitFor(connection, name, timeout, observer);
		return name;
	}

	/**
	 * Tries once without waiting, then waits in {@code GET_LOCK} itself (so the lock is
	 * taken the moment it is free), whole seconds and at most {@link #REPORT_INTERVAL} at
	 * a time, reporting the holder in between; the timeout is kept to the second.
	 */
	private void waitFor(Connection connection, String name, Duration timeout, WaitObserver observer)
			throws SQLException {
		long start = System.nanoTime();
		if (tryLock(connection, name, 0)) {
			return;
		}
		while (true) {
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (waited.compareTo(timeout) >= 0) {
				throw new LockTimeoutException(timeout, holder(connection, name));
			}
			reportWaiting(holder(connection, name), waited, timeout, observer);
			// Whole seconds, at least one: MySQL may not take a fractional timeout.
			long left = (timeout.minus(waited).toMillis() + 999) / 1000;
			if (tryLock(connection, name, Math.max(1, Math.min(left, REPORT_INTERVAL.toSeconds())))) {
				return;
			}
		}
	}

	private static boolean tryLock(Connection connection, String name, long seconds) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, name);
			statement.setLong(2, seconds);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) IS NOT NULL")) {
			statement.setString(1, nameFor(connection));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	/** Who holds the lock, from {@code information_schema.PROCESSLIST}. */
	static LockHolder holder(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return LockHolder.unknown();
				}
				String host = result.getString(3);
				String client = (host != null && host.lastIndexOf(':') > 0) ? host.substring(0, host.lastIndexOf(':'))
						: host;
				long seconds = result.getLong(5);
				String command = result.getString(4);
				String state = result.getString(6);
				String described = (command != null ? command.toLowerCase(Locale.ROOT) : "")
						+ ((state != null && !state.isEmpty()) ? " (" + state + ")" : "");
				return new LockHolder(result.getInt(1), null, result.getString(2), client, null,
						Instant.now().minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS),
						described.isEmpty() ? null : described);
			}
		}
	}

	@Override
	@Nullable String notHeld(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return (result.next() && result.getBoolean(1)) ? null
						: "the lock's session no longer holds it (IS_USED_LOCK)";
			}
		}
	}

	@Override
	void unlock(Connection connection, String name) throws SQLException {
		try (Statement reset = connection.createStatement()) {
			reset.execute("SET SESSION wait_timeout = @@GLOBAL.wait_timeout");
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getInt(1) != 1) {
					logger.warn("The migration lock {} was not held at release", name);
				}
			}
		}
	}

}
