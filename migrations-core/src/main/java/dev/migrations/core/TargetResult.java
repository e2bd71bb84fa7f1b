package dev.migrations.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one operation of a {@link Fleet} did to one target: an ordinary single-database
 * run (or read) and its outcome.
 *
 * @param target the target's id
 * @param status the outcome
 * @param state the database compared with the code, for the reads ({@code status}); else
 * {@code null}
 * @param headsBefore the target's heads before the operation
 * @param headsAfter its heads after (where a run failed: after the revisions that ran)
 * @param applied the revisions the operation ran or marked, in order
 * @param duration how long the target took
 * @param failure why the target failed, or {@code null}
 * @param detail the full comparison of a read, or {@code null}
 */
public record TargetResult(String target, Status status, @Nullable MigrationState state, List<String> headsBefore,
		List<String> headsAfter, List<String> applied, Duration duration, @Nullable Failure failure,
		@Nullable MigrationStatus detail) {

	public TargetResult {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(status, "status");
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
		applied = List.copyOf(applied);
		Objects.requireNonNull(duration, "duration");
	}

	/** A target that was not started (a canary or the failure budget stopped the run). */
	public static TargetResult skipped(String target) {
		return new TargetResult(target, Status.SKIPPED, null, List.of(), List.of(), List.of(), Duration.ZERO, null,
				null);
	}

	/** The outcome of a target. */
	public enum Status {

		/** Nothing to do: the target was at the operation's target already. */
		UP_TO_DATE,

		/** The operation changed the target (ran or marked revisions) and succeeded. */
		UPGRADED,

		/** A read found revisions pending ({@code status} and {@code check} only). */
		PENDING,

		/** A revision failed, or the target records revisions as {@code FAILED}. */
		FAILED,

		/**
		 * An applied revision changed, or a revision was spliced into applied history.
		 */
		DRIFTED,

		/** Another run held the target's lock longer than the lock timeout. */
		LOCK_TIMEOUT,

		/** The target could not be connected to. */
		UNREACHABLE,

		/** Not started: a canary failed, or the failure budget was spent. */
		SKIPPED;

		/** Whether the target is where the operation meant it to be. */
		public boolean done() {
			return this == UP_TO_DATE || this == UPGRADED;
		}

		/** Whether only a retry is needed (the cause was not the revisions). */
		public boolean retryable() {
			return this == LOCK_TIMEOUT || this == UNREACHABLE;
		}

	}

	/**
	 * Why a target failed.
	 *
	 * @param type the simple name of the error ({@code RevisionFailedException}, ...)
	 * @param message the error's message: what happened and what to do
	 * @param revision the revision concerned, if one is
	 * @param file the revision's file or class, if one is concerned
	 * @param line the line of the failing statement, if known
	 * @param sqlState the database's SQLState, if any
	 */
	public record Failure(String type, String message, @Nullable String revision, @Nullable String file,
			@Nullable Integer line, @Nullable String sqlState) {

	}

}
