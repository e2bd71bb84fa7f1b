package dev.migrations.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * One revision as the code and the database see it.
 *
 * @param id the revision id
 * @param state applied, pending, running, failed, or unknown to the code
 * @param node the revision of the code; {@code null} for an unknown revision
 * @param downRevisions its parents (from the code, or as recorded for an unknown one)
 * @param message its message (from the code, or as recorded)
 * @param appliedAt when it was applied (or failed); {@code null} when pending
 * @param appliedBy the database user who applied it; {@code null} when pending
 * @param executionTime how long it ran; {@code null} when pending
 * @param checksum the checksum recorded in the database, or the code's when pending
 * @param checksumMatches whether the recorded checksum equals the code's; {@code null}
 * when either is missing or the revision is not applied
 * @param spliced whether it is pending while a revision descending from it is applied
 */
public record RevisionStatus(String id, RevisionState state, @Nullable RevisionNode node, List<String> downRevisions,
		String message, @Nullable Instant appliedAt, @Nullable String appliedBy, @Nullable Duration executionTime,
		@Nullable String checksum, @Nullable Boolean checksumMatches, boolean spliced) {

	public RevisionStatus {
		downRevisions = List.copyOf(downRevisions);
	}

}
