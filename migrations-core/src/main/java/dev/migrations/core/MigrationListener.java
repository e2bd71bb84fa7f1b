package dev.migrations.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;

/**
 * Receives the events of runs, for logging, metrics and endpoints. Every method has a
 * no-op default; implementations override what they need. Methods are called on the
 * running thread and must return quickly; an exception thrown by a listener is logged and
 * ignored, it never changes the outcome of a run.
 */
public interface MigrationListener {

	/** A run of {@code operation} starts; {@code target} as given (may be empty). */
	default void runStarted(Operation operation, String target) {
	}

	/**
	 * A run ended: {@code result} holds the steps that succeeded; {@code failure} is
	 * {@code null} when the run succeeded.
	 */
	default void runFinished(RunResult result, @Nullable MigrationsException failure) {
	}

	/** A revision starts to run. */
	default void revisionStarted(Step step) {
	}

	/** A revision ran and its state rows are committed (or, in mode ALL, written). */
	default void revisionFinished(Step step, Duration duration) {
	}

	/** A revision failed; {@code error} says where and why. */
	default void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
	}

	/**
	 * A statement of a revision timed out waiting for a table lock
	 * ({@code ddl-lock-timeout}); the revision was rolled back (a non-transactional one
	 * stopped before that statement) and is retried in {@code retryIn}.
	 * @param step the revision
	 * @param blockers the sessions holding the lock it waited for, oldest transaction
	 * first (may be empty when they ended meanwhile)
	 * @param attempt how many attempts timed out so far (1 for the first)
	 * @param retryIn how long the run waits before the next attempt
	 */
	default void ddlLockWaiting(Step step, List<BlockingSession> blockers, int attempt, Duration retryIn) {
	}

	/**
	 * The run waits for the migration lock held by {@code holder} since {@code waited}.
	 */
	default void lockWaiting(LockHolder holder, Duration waited) {
	}

	/**
	 * A database session holding a lock that a revision's statement waited for in vain
	 * (PostgreSQL: from {@code pg_locks} and {@code pg_stat_activity}).
	 *
	 * @param pid the server process id of the session
	 * @param state its state ({@code active}, {@code idle in transaction}, ...)
	 * @param transactionStart when its open transaction started, if it has one
	 * @param applicationName its {@code application_name}, if set
	 * @param query its current or last query (at most 200 characters, on one line)
	 * @param seenAt when the database was asked (its {@code now()})
	 */
	public record BlockingSession(int pid, @Nullable String state, @Nullable Instant transactionStart,
			@Nullable String applicationName, @Nullable String query, Instant seenAt) {

		/** How long its transaction has been open when it was seen; zero if unknown. */
		public Duration transactionAge() {
			return (this.transactionStart != null) ? Duration.between(this.transactionStart, this.seenAt)
					: Duration.ZERO;
		}

		/**
		 * One line for logs and messages, e.g.
		 * {@code pid 4242 (idle in transaction, transaction open for 12.3s, application 'psql', query 'SELECT ...')}.
		 */
		public String describe() {
			StringBuilder text = new StringBuilder("pid ").append(this.pid)
				.append(" (")
				.append((this.state != null) ? this.state : "state unknown");
			if (this.transactionStart != null) {
				long millis = transactionAge().toMillis();
				text.append(", transaction open for ")
					.append(millis / 1000)
					.append('.')
					.append((millis % 1000) / 100)
					.append('s');
			}
			if (this.applicationName != null && !this.applicationName.isEmpty()) {
				text.append(", application '").append(this.applicationName).append('\'');
			}
			if (this.query != null && !this.query.isEmpty()) {
				text.append(", query '").append(this.query).append('\'');
			}
			return text.append(')').toString();
		}

	}

}
