package dev.migrations.core.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.core.Operation;
import org.jspecify.annotations.Nullable;

/**
 * A history row to write.
 *
 * @param operation what was done
 * @param revision the revision concerned; {@code null} for a stamp
 * @param fromHeads heads before
 * @param toHeads heads after
 * @param checksum the revision's checksum
 * @param startedAt when it started; {@code null} writes the database's
 * {@code CURRENT_TIMESTAMP} (offline scripts)
 * @param duration how long it took
 * @param success whether it succeeded
 * @param errorMessage why it failed
 */
public record HistoryRecord(Operation operation, @Nullable String revision, List<String> fromHeads,
		List<String> toHeads, @Nullable String checksum, @Nullable Instant startedAt, Duration duration,
		boolean success, @Nullable String errorMessage) {

	public HistoryRecord {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
	}

}
