package dev.migrations.boot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;

/**
 * Follows the runs of one {@link Migrator} (the startup run first of all) so that the
 * endpoint and the health indicator can show a run while it is going: its status, the
 * revision being applied, how many were applied and the error of a failed run. Registered
 * as one of the migrator's listeners; {@link #of(Migrator)} finds it again. Thread-safe.
 */
public final class MigrationsRunTracker implements MigrationListener {

	private final AtomicReference<Run> run = new AtomicReference<>(Run.NOT_STARTED);

	/** The tracker among the listeners of {@code migrator}'s configuration, if any. */
	public static Optional<MigrationsRunTracker> of(Migrator migrator) {
		return migrator.configuration()
			.listeners()
			.stream()
			.filter(MigrationsRunTracker.class::isInstance)
			.map(MigrationsRunTracker.class::cast)
			.findFirst();
	}

	/** The latest run, or {@link Run#NOT_STARTED}. */
	public Run run() {
		return this.run.get();
	}

	@Override
	public void runStarted(Operation operation, String target) {
		this.run.set(new Run(Status.RUNNING, operation, target, Instant.now(), null, 0, null, null));
	}

	@Override
	public void revisionStarted(Step step) {
		this.run.updateAndGet((run) -> run.withCurrent(step.revision().id()));
	}

	@Override
	public void revisionFinished(Step step, Duration duration) {
		this.run.updateAndGet((run) -> new Run(run.status(), run.operation(), run.target(), run.startedAt(), null,
				run.applied() + 1, null, null));
	}

	@Override
	public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
		this.run.updateAndGet((run) -> run.withCurrent(null));
	}

	@Override
	public void runFinished(RunResult result, @Nullable MigrationsException failure) {
		Instant finishedAt = result.startedAt().plus(result.duration());
		this.run.updateAndGet((run) -> new Run((failure != null) ? Status.FAILED : Status.SUCCEEDED, result.operation(),
				run.target(), result.startedAt(), finishedAt, result.steps().size(), null,
				(failure != null) ? failure.getMessage() : null));
	}

	/**
	 * Records a failure of the startup run that the migrator did not report (a strategy
	 * bean that threw, for example).
	 */
	public void failed(Throwable failure) {
		this.run.updateAndGet(
				(run) -> (run.status() == Status.FAILED) ? run : new Run(Status.FAILED, run.operation(), run.target(),
						run.startedAt(), Instant.now(), run.applied(), null, String.valueOf(failure.getMessage())));
	}

	/** Where a run is. */
	public enum Status {

		/** No run started yet (or none will: {@code on-startup} is validate or none). */
		NOT_STARTED,

		/** A run is going. */
		RUNNING,

		/** The latest run succeeded. */
		SUCCEEDED,

		/** The latest run failed. */
		FAILED

	}

	/**
	 * A run as far as it went.
	 *
	 * @param status where it is
	 * @param operation upgrade, downgrade, stamp or repair; {@code null} before any run
	 * @param target the target as given; {@code null} before any run
	 * @param startedAt when it started
	 * @param finishedAt when it ended; {@code null} while it runs
	 * @param applied how many revisions it ran successfully
	 * @param current the revision running now, if any
	 * @param error why it failed; {@code null} unless it failed
	 */
	public record Run(Status status, @Nullable Operation operation, @Nullable String target,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, int applied, @Nullable String current,
			@Nullable String error) {

		/** The run before any run. */
		public static final Run NOT_STARTED = new Run(Status.NOT_STARTED, null, null, null, null, 0, null, null);

		Run withCurrent(@Nullable String revision) {
			return new Run(this.status, this.operation, this.target, this.startedAt, this.finishedAt, this.applied,
					revision, this.error);
		}

	}

}
