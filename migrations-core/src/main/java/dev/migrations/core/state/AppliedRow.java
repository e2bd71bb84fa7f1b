package dev.migrations.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the version table. Read for planning a run, it holds only the revision, its
 * parents, checksum and status; the descriptive components are then {@code null}.
 *
 * @param revision the revision id
 * @param downRevisions its parents, as recorded
 * @param message its message, as recorded
 * @param checksum the checksum of its upgrade when applied
 * @param status {@link #APPLIED}, {@link #FAILED} or {@link #RUNNING}
 * @param appliedAt when it was applied (or failed, or started)
 * @param appliedBy the database user
 * @param executionTime how long it ran
 */
public record AppliedRow(String revision, List<String> downRevisions, @Nullable String message,
		@Nullable String checksum, String status, @Nullable Instant appliedAt, @Nullable String appliedBy,
		@Nullable Duration executionTime) {

	/** Applied. */
	public static final String APPLIED = "APPLIED";

	/** Failed; its effects may remain. */
	public static final String FAILED = "FAILED";

	/**
	 * Being run, by a run holding the lock; when no run holds it, the run was interrupted
	 * (its process died) and its effects may remain.
	 */
	public static final String RUNNING = "RUNNING";

	public AppliedRow {
		downRevisions = List.copyOf(downRevisions);
	}

	public boolean applied() {
		return APPLIED.equals(this.status);
	}

	public boolean failed() {
		return FAILED.equals(this.status);
	}

	public boolean running() {
		return RUNNING.equals(this.status);
	}

}
