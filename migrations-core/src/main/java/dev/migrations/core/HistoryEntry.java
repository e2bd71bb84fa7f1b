package dev.migrations.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: an operation, successful or not.
 *
 * @param id the row's increasing id
 * @param operation upgrade, downgrade, stamp or repair
 * @param revision the revision concerned; {@code null} for a stamp
 * @param fromHeads the heads before the operation
 * @param toHeads the heads after it (unchanged for a failure)
 * @param checksum the revision's checksum, if any
 * @param startedAt when it started
 * @param duration how long it took
 * @param success whether it succeeded
 * @param errorMessage why it failed; {@code null} on success
 * @param databaseUser the database user that ran it
 * @param host the host that ran it, if known
 */
public record HistoryEntry(long id, Operation operation, @Nullable String revision, List<String> fromHeads,
		List<String> toHeads, @Nullable String checksum, Instant startedAt, Duration duration, boolean success,
		@Nullable String errorMessage, String databaseUser, @Nullable String host) {

	public HistoryEntry {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
	}

}
