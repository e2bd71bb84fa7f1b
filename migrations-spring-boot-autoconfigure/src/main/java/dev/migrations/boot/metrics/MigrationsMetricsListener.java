package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.List;

import dev.migrations.core.MigrationListener.BlockingSession;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Times runs and revisions from the migrator's events: timers {@code migrations.runs} and
 * {@code migrations.revisions}, tagged with {@code direction} ({@code upgrade},
 * {@code downgrade}; for runs also {@code stamp}, {@code repair}) and {@code outcome}
 * ({@code success}, {@code failure}) only, so the number of series stays fixed; and
 * counts the lock timeouts after which a revision was retried
 * ({@code migrations.ddl.lock.timeouts}, tagged with {@code direction}).
 */
public class MigrationsMetricsListener implements MigrationListener {

	private final MeterRegistry registry;

	public MigrationsMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void runFinished(RunResult result, @Nullable MigrationsException failure) {
		timer("migrations.runs", "Runs of Migrations (upgrade, downgrade, stamp, repair)",
				result.operation().columnValue(), failure == null)
			.record(result.duration());
	}

	@Override
	public void revisionFinished(Step step, Duration duration) {
		revision(step, duration, true);
	}

	@Override
	public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
		revision(step, duration, false);
	}

	@Override
	public void ddlLockWaiting(Step step, List<BlockingSession> blockers, int attempt, Duration retryIn) {
		Counter.builder("migrations.ddl.lock.timeouts")
			.description("Lock timeouts of revision statements after which the revision was retried")
			.tag("direction", Directions.of(step))
			.register(this.registry)
			.increment();
	}

	private void revision(Step step, Duration duration, boolean success) {
		timer("migrations.revisions", "Revisions run by Migrations", Directions.of(step), success).record(duration);
	}

	private Timer timer(String name, String description, String direction, boolean success) {
		return Timer.builder(name)
			.description(description)
			.tag("direction", direction)
			.tag("outcome", success ? "success" : "failure")
			.register(this.registry);
	}

}
