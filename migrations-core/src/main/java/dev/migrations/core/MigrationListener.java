package dev.migrations.core;

import java.time.Duration;
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

}
