package dev.migrations.core.internal.state;

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
 * @param status applied, failed or running
 * @param appliedAt when it was applied (or failed, or started)
 * @param appliedBy the database user
 * @param executionTime how long it ran
 */
public record AppliedRow(String revision, List<String> downRevisions, @Nullable String message,
		@Nullable String checksum, RowStatus status, @Nullable Instant appliedAt, @Nullable String appliedBy,
		@Nullable Duration executionTime) {

	public AppliedRow {
		downRevisions = List.copyOf(downRevisions);
	}

	public boolean applied() {
		return this.status == RowStatus.APPLIED;
	}

	public boolean failed() {
		return this.status == RowStatus.FAILED;
	}

	public boolean running() {
		return this.status == RowStatus.RUNNING;
	}

	/** The {@code status} column: its values are the constants' names. */
	public enum RowStatus {

		/** Applied. */
		APPLIED,

		/** Failed; its effects may remain. */
		FAILED,

		/**
		 * Being run, by a run holding the lock; when no run holds it, the run was
		 * interrupted (its process died) and its effects may remain.
		 */
		RUNNING

	}

}
