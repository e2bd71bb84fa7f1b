package dev.migrations.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the version table.
 *
 * @param revision the revision id
 * @param downRevisions its parents, as recorded
 * @param message its message, as recorded
 * @param checksum the checksum of its upgrade when applied
 * @param failed whether its status is {@code FAILED}
 * @param appliedAt when it was applied (or failed)
 * @param appliedBy the database user
 * @param executionTime how long it ran
 */
public record AppliedRow(String revision, List<String> downRevisions, String message, @Nullable String checksum,
		boolean failed, Instant appliedAt, String appliedBy, Duration executionTime) {

	public static final String APPLIED = "APPLIED";

	public static final String FAILED = "FAILED";

	public AppliedRow {
		downRevisions = List.copyOf(downRevisions);
	}

}
