package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import org.jspecify.annotations.Nullable;

/** A lock held by at most one run on a database at a time. */
public interface MigrationLock {

	/**
	 * Waits until the lock is held or {@code timeout} passed.
	 * @param dataSource where to open the lock's own connection
	 * @param timeout how long to wait at most
	 * @param observer told, while waiting, who holds the lock
	 * @return the held lock; closing it releases the lock
	 * @throws LockTimeoutException when the timeout passed
	 * @throws DatabaseAccessException when the database cannot be used
	 */
	Held acquire(DataSource dataSource, Duration timeout, WaitObserver observer);

	/**
	 * Whether a session holds the lock now; a query or two on {@code connection}, which
	 * must not hold it itself.
	 */
	boolean isHeld(Connection connection) throws SQLException;

	/** A held lock. */
	interface Held extends AutoCloseable {

		/** Releases the lock; never throws. */
		@Override
		void close();

		/**
		 * Checks that the lock is still held (its session may have been ended).
		 * @return {@code null} when it is, else why not
		 */
		default @Nullable String lost() {
			return null;
		}

	}

	/** Told while a run waits for the lock. */
	@FunctionalInterface
	interface WaitObserver {

		void waiting(LockHolder holder, Duration waited);

	}

}
