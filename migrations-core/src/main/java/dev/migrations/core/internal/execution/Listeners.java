package dev.migrations.core.internal.execution;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.migrations.core.MigrationListener.BlockingSession;
import dev.migrations.core.LockHolder;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every configured listener; a listener's exception is logged and never changes the
 * outcome of a run.
 */
public final class Listeners implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final List<MigrationListener> listeners;

	public Listeners(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void runStarted(Operation operation, String target) {
		each((listener) -> listener.runStarted(operation, target));
	}

	@Override
	public void runFinished(RunResult result, @Nullable MigrationsException failure) {
		each((listener) -> listener.runFinished(result, failure));
	}

	@Override
	public void revisionStarted(Step step) {
		each((listener) -> listener.revisionStarted(step));
	}

	@Override
	public void revisionFinished(Step step, Duration duration) {
		each((listener) -> listener.revisionFinished(step, duration));
	}

	@Override
	public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
		each((listener) -> listener.revisionFailed(step, duration, error));
	}

	@Override
	public void ddlLockWaiting(Step step, List<BlockingSession> blockers, int attempt, Duration retryIn) {
		each((listener) -> listener.ddlLockWaiting(step, blockers, attempt, retryIn));
	}

	@Override
	public void lockWaiting(LockHolder holder, Duration waited) {
		each((listener) -> listener.lockWaiting(holder, waited));
	}

	private void each(Consumer<MigrationListener> call) {
		for (MigrationListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed; ignored", listener.getClass().getName(), ex);
			}
		}
	}

}
