package dev.migrations.core.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.dialect.TableNames;
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
public final class PostgresAdvisoryLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

	private static final String HOLDER_QUERY = "SELECT a.pid, a.application_name, a.usename, a.client_addr::text, "
			+ "a.backend_start, a.state_change, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
			+ "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
			+ "AND l.classid::bigint = ? AND l.objid::bigint = ? "
			+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
			+ "AND l.pid <> pg_backend_pid() LIMIT 1";

	private final long key;

	public PostgresAdvisoryLock(TableNames names) {
		this.key = keyOf(names);
	}

	/** The advisory lock key: the first 8 bytes of SHA-256 of the state table's name. */
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

	public long key() {
		return this.key;
	}

	@Override
	public Held acquire(DataSource dataSource, Duration timeout, WaitObserver observer) {
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("open a connection for the migration lock", ex);
		}
		try {
			connection.setAutoCommit(true);
			waitFor(connection, timeout, observer);
			return () -> release(connection);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DatabaseAccessException("take the migration lock (pg_try_advisory_lock(" + this.key + "))", ex);
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	private void waitFor(Connection connection, Duration timeout, WaitObserver observer) throws SQLException {
		long start = System.nanoTime();
		Duration nextReport = Duration.ZERO;
		while (!tryLock(connection)) {
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (waited.compareTo(timeout) >= 0) {
				throw new LockTimeoutException(timeout, holder(connection));
			}
			if (waited.compareTo(nextReport) >= 0) {
				LockHolder holder = holder(connection);
				logger.info("Waiting for the migration lock, held by {}, for {} s so far (lock timeout {})",
						holder.describe(), waited.toSeconds(), timeout);
				observer.waiting(holder, waited);
				nextReport = waited.plus(REPORT_INTERVAL);
			}
			sleep(POLL_INTERVAL);
		}
	}

	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	public boolean isHeld(Connection connection) throws SQLException {
		return holder(connection).pid() != null;
	}

	/** Who holds the lock, from {@code pg_locks} and {@code pg_stat_activity}. */
	LockHolder holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
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

	private void release(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && !result.getBoolean(1)) {
					logger.warn("The migration lock {} was not held at release", this.key);
				}
			}
		}
		catch (SQLException ex) {
			// Closing the session below releases it as well.
			logger.warn("Could not release the migration lock {}: {}", this.key, ex.getMessage());
		}
		finally {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.warn("Could not close the migration lock's connection: {}", ex.getMessage());
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
