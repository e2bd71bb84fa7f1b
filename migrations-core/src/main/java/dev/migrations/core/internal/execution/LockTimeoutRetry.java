package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.core.MigrationListener.BlockingSession;
import dev.migrations.core.Migrator;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.source.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retries of one revision (or, in a whole-run transaction, of one run) after lock
 * timeouts: counts the attempts from the first timeout, reads the blocking sessions, logs
 * the wait, tells the listeners, and waits a backoff with full jitter; once the retry
 * budget is spent it gives the error the revision fails with, naming the blockers.
 */
final class LockTimeoutRetry {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/** SQLState "lock not available": a {@code lock_timeout} expired. */
	static final String LOCK_NOT_AVAILABLE = "55P03";

	private final Connection connection;

	private final DdlLockPolicy ddl;

	private final Listeners listeners;

	private long firstTimeout;

	private int attempt;

	LockTimeoutRetry(Connection connection, DdlLockPolicy ddl, Listeners listeners) {
		this.connection = connection;
		this.ddl = ddl;
		this.listeners = listeners;
	}

	static boolean isLockTimeout(SQLException ex) {
		return LOCK_NOT_AVAILABLE.equals(ex.getSQLState());
	}

	/**
	 * Called after a lock timeout, with the failed transaction rolled back (or in
	 * autocommit): waits before the next attempt.
	 * @param step the revision whose statement timed out
	 * @param source its file
	 * @param failed the statement, where known
	 * @param ex the lock timeout
	 * @param inTransaction whether the connection is in a transaction (the blockers'
	 * query is then rolled back too)
	 * @param undone what the retry undid, for the log: "rolled back", ...
	 * @throws SQLException the error to fail with, once the budget is spent
	 */
	void waitOrFail(Step step, String source, @Nullable SqlStatement failed, SQLException ex, boolean inTransaction,
			String undone) throws SQLException {
		this.attempt++;
		long now = System.nanoTime();
		if (this.attempt == 1) {
			this.firstTimeout = now;
		}
		Duration retried = Duration.ofNanos(now - this.firstTimeout);
		List<BlockingSession> blockers = blockers(failed);
		if (inTransaction) {
			// The query opened a transaction: the next attempt begins afresh.
			this.connection.rollback();
		}
		String blockedBy = blockers.isEmpty() ? "sessions that have ended since"
				: blockers.stream().map(BlockingSession::describe).collect(Collectors.joining(", "));
		Duration left = this.ddl.retryBudget().minus(retried);
		if (left.isNegative() || left.isZero()) {
			throw new SQLException(
					firstLine(ex.getMessage()) + " (ddl-lock-timeout " + millis(this.ddl.lockTimeout())
							+ "), still after retrying for " + millis(retried) + " (" + this.attempt
							+ " attempts, ddl-retry-budget " + millis(this.ddl.retryBudget()) + "); blocked by "
							+ blockedBy + "; end or wait out those transactions, or raise ddl-retry-budget",
					LOCK_NOT_AVAILABLE, ex);
		}
		Duration delay = this.ddl.backoff(this.attempt);
		if (delay.compareTo(left) > 0) {
			delay = left;
		}
		logger.warn(
				"Revision {} timed out after {} waiting for a lock at {} line {}, blocked by {}; {}, retrying in {} "
						+ "(attempt {}, {} of the retry budget left)",
				step.revision().id(), millis(this.ddl.lockTimeout()), source, (failed != null) ? failed.line() : "?",
				blockedBy, undone, millis(delay), this.attempt + 1, millis(left));
		this.listeners.ddlLockWaiting(step, blockers, this.attempt, delay);
		sleep(delay);
	}

	private List<BlockingSession> blockers(@Nullable SqlStatement failed) {
		try {
			return BlockingSessions.of(this.connection, (failed != null) ? failed.sql() : null);
		}
		catch (SQLException ex) {
			logger.debug("Could not read the sessions holding the lock: {}", ex.getMessage());
			return List.of();
		}
	}

	private static void sleep(Duration delay) throws SQLException {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting to retry after a lock timeout", LOCK_NOT_AVAILABLE, ex);
		}
	}

	/**
	 * {@code 500ms}, {@code 2s}, {@code 2.4s}, {@code 4m57s}, as the settings are
	 * written.
	 */
	static String millis(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + "ms";
		}
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		if (millis >= 60_000) {
			return (millis / 60_000) + "m" + ((millis % 60_000) / 1000) + "s";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return (millis / 1000) + "." + ((millis % 1000) / 100) + "s";
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "lock timeout";
		}
		int newline = message.indexOf('\n');
		String line = ((newline >= 0) ? message.substring(0, newline) : message).trim();
		return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
	}

}
