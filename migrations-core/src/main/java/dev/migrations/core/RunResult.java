package dev.migrations.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did.
 *
 * @param operation upgrade, downgrade, stamp or repair
 * @param fromHeads the heads recorded in the database before the run
 * @param toHeads the heads after it (for a failed run: after its last successful step)
 * @param steps the revisions run, in order (empty for stamp and repair, and when nothing
 * was pending)
 * @param startedAt when the run started
 * @param duration how long it took, waiting for the lock included
 */
public record RunResult(Operation operation, List<String> fromHeads, List<String> toHeads, List<StepResult> steps,
		Instant startedAt, Duration duration) {

	public RunResult {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
		steps = List.copyOf(steps);
	}

}
