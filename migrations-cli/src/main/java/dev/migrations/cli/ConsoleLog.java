package dev.migrations.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import dev.migrations.core.LockHolder;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.graph.Step;

/**
 * The progress a command reports on standard error, in Alembic's shape:
 * {@code INFO  [migrations] Running upgrade  -> 001, initial schema}. Standard output
 * stays free for results and SQL.
 */
final class ConsoleLog implements MigrationListener {

	private static final String PREFIX = "INFO  [migrations] ";

	private final PrintWriter err;

	ConsoleLog(PrintWriter err) {
		this.err = err;
	}

	void info(String message) {
		this.err.println(PREFIX + message);
		this.err.flush();
	}

	/** Logs a step as Alembic does: {@code Running upgrade A -> B, message}. */
	void step(Step step) {
		info(step.describe());
	}

	/** Logs a stamp as Alembic does: {@code Running stamp_revision A -> B}. */
	void stamp(List<String> from, List<String> to) {
		info("Running stamp_revision " + String.join(", ", from) + " -> " + String.join(", ", to));
	}

	@Override
	public void revisionStarted(Step step) {
		step(step);
	}

	@Override
	public void lockWaiting(LockHolder holder, Duration waited) {
		info("Waiting " + waited.toSeconds() + "s for the migration lock held by " + holder.describe());
	}

}
