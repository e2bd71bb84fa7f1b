package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.LockHolder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock held by a database session on a connection of its own, in autocommit: the server
 * releases it when the session ends, so a killed process never leaves it behind. This
 * type owns that connection (opening it, switching it to autocommit and back, closing it
 * quietly whatever happens); a subclass takes, checks and releases the lock itself on it.
 *
 * @param <K> what names the lock on the server (a key, a lock name)
 */
abstract class SessionLock<K> implements MigrationLock {

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final String openAction;

	private final String takeAction;

	/**
	 * @param openAction what failed when the connection cannot be opened (for
	 * {@link DatabaseAccessException})
	 * @param takeAction what failed when taking the lock fails
	 */
	SessionLock(String openAction, String takeAction) {
		this.openAction = openAction;
		this.takeAction = takeAction;
	}

	@Override
	public final Held acquire(DataSource dataSource, Duration timeout, WaitObserver observer) {
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException(this.openAction, ex);
		}
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			K key = take(connection, timeout, observer);
			return new Held() {

				@Override
				public void close() {
					release(connection, key, autoCommit);
				}

				@Override
				public @Nullable String lost() {
					return SessionLock.this.lost(connection, key);
				}

			};
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DatabaseAccessException(this.takeAction, ex);
		}
		catch (RuntimeException | Error ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	/**
	 * Takes the lock on {@code connection} (in autocommit), waiting at most
	 * {@code timeout} and reporting the holder with {@link #reportWaiting} meanwhile.
	 * @return what names the lock taken
	 * @throws dev.migrations.core.LockTimeoutException when the timeout passed
	 */
	abstract K take(Connection connection, Duration timeout, WaitObserver observer) throws SQLException;

	/** Releases the lock on {@code connection}, undoing what {@link #take} set up. */
	abstract void unlock(Connection connection, K key) throws SQLException;

	/** Why the lock's session no longer holds the lock, or {@code null} if it does. */
	abstract @Nullable String notHeld(Connection connection, K key) throws SQLException;

	/** Logs who holds the lock the run is waiting for, and tells the observer. */
	final void reportWaiting(LockHolder holder, Duration waited, Duration timeout, WaitObserver observer) {
		this.logger.info("Waiting for the migration lock, held by {}, for {} s so far (lock timeout {})",
				holder.describe(), waited.toSeconds(), timeout);
		observer.waiting(holder, waited);
	}

	private @Nullable String lost(Connection connection, K key) {
		try {
			return notHeld(connection, key);
		}
		catch (SQLException ex) {
			String message = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").trim();
			return "the lock's connection failed (" + message + ")";
		}
	}

	private void release(Connection connection, K key, boolean autoCommit) {
		try {
			unlock(connection, key);
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// Closing the session below releases it as well.
			this.logger.warn("Could not release the migration lock {}: {}", key, ex.getMessage());
		}
		finally {
			closeQuietly(connection);
		}
	}

	private void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			this.logger.warn("Could not close the migration lock's connection: {}", ex.getMessage());
		}
	}

}
