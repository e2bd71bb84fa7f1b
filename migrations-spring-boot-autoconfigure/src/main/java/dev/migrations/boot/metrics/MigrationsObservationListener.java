package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Step;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes runs ({@code migrations.run}) and the revisions they run
 * ({@code migrations.revision}, a child of its run) from the migrator's events, so that
 * runs show in traces. Low-cardinality keys: {@code operation}, {@code direction}; the
 * target and revision id are high-cardinality keys (span attributes, not metric tags).
 */
public class MigrationsObservationListener implements MigrationListener {

	/** Name of the observation of a run. */
	public static final String RUN = "migrations.run";

	/** Name of the observation of a revision. */
	public static final String REVISION = "migrations.revision";

	private final ObservationRegistry registry;

	private final ThreadLocal<Deque<Observation.Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

	public MigrationsObservationListener(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void runStarted(Operation operation, String target) {
		Observation observation = Observation.createNotStarted(RUN, this.registry)
			.contextualName("migrations " + operation.columnValue())
			.lowCardinalityKeyValue("operation", operation.columnValue())
			.highCardinalityKeyValue("target", target)
			.start();
		this.scopes.get().push(observation.openScope());
	}

	@Override
	public void revisionStarted(Step step) {
		Observation observation = Observation.createNotStarted(REVISION, this.registry)
			.contextualName("migrations " + Directions.of(step) + " " + step.revision().id())
			.lowCardinalityKeyValue("direction", Directions.of(step))
			.highCardinalityKeyValue("revision", step.revision().id())
			.start();
		this.scopes.get().push(observation.openScope());
	}

	@Override
	public void revisionFinished(Step step, Duration duration) {
		stopRevision(null);
	}

	@Override
	public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
		stopRevision(error);
	}

	@Override
	public void runFinished(RunResult result, @Nullable MigrationsException failure) {
		Deque<Observation.Scope> open = this.scopes.get();
		while (!open.isEmpty()) {
			// a revision left open ends with its run
			Observation observation = stop(open.pop());
			if (RUN.equals(observation.getContext().getName())) {
				if (failure != null) {
					observation.error(failure);
				}
				observation.stop();
				break;
			}
			observation.stop();
		}
		this.scopes.remove();
	}

	private void stopRevision(@Nullable Throwable error) {
		Deque<Observation.Scope> open = this.scopes.get();
		Observation.Scope scope = open.peek();
		if (scope != null && REVISION.equals(scope.getCurrentObservation().getContext().getName())) {
			Observation observation = stop(open.pop());
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
	}

	/** Closes the scope and returns its observation, still to be stopped. */
	private static Observation stop(Observation.Scope scope) {
		Observation observation = scope.getCurrentObservation();
		scope.close();
		return observation;
	}

}
