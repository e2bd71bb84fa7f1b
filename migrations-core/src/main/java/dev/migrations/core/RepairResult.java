package dev.migrations.core;

import java.util.List;

/**
 * What a repair changed.
 *
 * @param clearedFailures revisions whose {@code FAILED} row was removed (they count as
 * not applied)
 * @param acceptedChecksums applied revisions whose recorded checksum was replaced by the
 * code's
 */
public record RepairResult(List<String> clearedFailures, List<String> acceptedChecksums) {

	public RepairResult {
		clearedFailures = List.copyOf(clearedFailures);
		acceptedChecksums = List.copyOf(acceptedChecksums);
	}

}
