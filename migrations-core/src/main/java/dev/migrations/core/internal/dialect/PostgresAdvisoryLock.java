package dev.migrations.core.internal.dialect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.MigrationsException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock on a connection of its own, in autocommit so
 * that it never holds a transaction open (which would make {@code CREATE INDEX
 * CONCURRENTLY} on the work connection wait for it forever). The server releases it when
 * the session ends, so a killed process never leaves it behind. The key is derived from
 * the schema and version table, so separate state tables never block each other.
 */
public final class PostgresAdvisoryLock extends SessionLock<Long> {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

	private static final String HOLDER_QUERY = "SELECT a.pid, a.application_name, a.usename, a.client_addr::text, "
			+ "a.backend_start, a.state_change, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
			+ "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
			+ "AND l.classid::bigint = ? AND l.objid::bigint = ? "
			+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
			+ "AND l.pid <> pg_backend_pid() LIMIT 1";

	private final TableNames names;

	private final long key;

	public PostgresAdvisoryLock(TableNames names) {
		super("open the migration lock's connection, a second one beside the run's "
				+ "work connection: a run on PostgreSQL needs two connections from its data source (one holds "
				+ "the lock); raise the pool size",
				"take the migration lock (pg_try_advisory_lock on "
						+ ((names.schema() != null) ? "schema " + names.schema() : "the current schema") + ", "
						+ names.versionTable() + ")");
		this.names = names;
		this.key = keyOf(names);
	}

	/**
	 * The advisory lock key: the first 8 bytes of SHA-256 of the state table's name. With
	 * no schema configured the lock is keyed on the connection's {@code current_schema()}
	 * instead (see {@link #keyFor}), so that a run naming the schema and one that does
	 * not exclude each other when they mean the same tables.
	 */
	public static long keyOf(TableNames names) {
		String name = "dev.migrations:" + ((names.schema() != null) ? names.schema() : "") + "." + names.versionTable();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key for the configured names; with no schema configured, the key the lock
	 * actually takes depends on the connection: see {@link #keyFor}.
	 */
	public long key() {
		return this.key;
	}

	/**
	 * The key the lock takes on {@code connection}: with no schema configured, that of
	 * the schema the unqualified state tables live in, {@code current_schema()} (one
	 * query).
	 */
	public long keyFor(Connection connection) throws SQLException {
		if (this.names.schema() != null) {
			return this.key;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
				ResultSet result = statement.executeQuery()) {
			String schema = result.next() ? result.getString(1) : null;
			return (schema != null)
					? keyOf(new TableNames(schema, this.names.versionTable(), this.names.historyTable())) : this.key;
		}
	}

	@Override
	Long take(Connection connection, Duration timeout, WaitObserver observer) throws SQLException {
		long key = prepare(connection);
		waitFor(connection, key, timeout, observer);
		return key;
	}

	/**
	 * Keeps the server from ending the lock's idle session ({@code idle_session_timeout},
	 * PostgreSQL 14 and later, reset at release) and finds the key, in one query.
	 */
	private long prepare(Connection connection) throws SQLException {
		boolean idleTimeout = connection.getMetaData().getDatabaseMajorVersion() >= 14;
		if (!idleTimeout) {
			return keyFor(connection);
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT current_schema(), set_config('idle_session_timeout', '0', false)");
				ResultSet result = statement.executeQuery()) {
			String schema = result.next() ? result.getString(1) : null;
			return (this.names.schema() == null && schema != null)
					? keyOf(new TableNames(schema, this.names.versionTable(), this.names.historyTable())) : this.key;
		}
	}

	@Override
	@Nullable String notHeld(Connection connection, Long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks "
				+ "WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = pg_backend_pid() "
				+ "AND classid::bigint = ? AND objid::bigint = ?)")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				return (result.next() && result.getBoolean(1)) ? null
						: "the lock's session no longer holds it (pg_locks)";
			}
		}
	}

	private void waitFor(Connection connection, long key, Duration timeout, WaitObserver observer) throws SQLException {
		long start = System.nanoTime();
		Duration nextReport = Duration.ZERO;
		while (!tryLock(connection, key)) {
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (waited.compareTo(timeout) >= 0) {
				throw new LockTimeoutException(timeout, holder(connection, key));
			}
			if (waited.compareTo(nextReport) >= 0) {
				reportWaiting(holder(connection, key), waited, timeout, observer);
				nextReport = waited.plus(REPORT_INTERVAL);
			}
			sleep(POLL_INTERVAL);
		}
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		return holder(connection, keyFor(connection)).pid() != null;
	}

	/** Who holds the lock, from {@code pg_locks} and {@code pg_stat_activity}. */
	static LockHolder holder(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return LockHolder.unknown();
				}
				return new LockHolder(result.getInt(1), result.getString(2), result.getString(3), result.getString(4),
						instant(result.getTimestamp(5)), instant(result.getTimestamp(6)), result.getString(7));
			}
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Unlocks and, where {@link #prepare} changed it, resets
	 * {@code idle_session_timeout}, in one round trip.
	 */
	@Override
	void unlock(Connection connection, Long key) throws SQLException {
		String reset = (connection.getMetaData().getDatabaseMajorVersion() >= 14) ? "; RESET idle_session_timeout" : "";
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(" + key + ")" + reset);
			try (ResultSet result = statement.getResultSet()) {
				if (result.next() && !result.getBoolean(1)) {
					logger.warn("The migration lock {} was not held at release", key);
				}
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException("Interrupted while waiting for the migration lock", ex);
		}
	}

}
