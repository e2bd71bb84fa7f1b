package dev.migrations.core.internal.execution;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateStatements;

/**
 * The one loop over the steps of a plan, for online runs and offline scripts alike: it
 * lays out each step (what runs in which transaction, which state rows are written) and
 * hands it to a {@link StepSink} that executes or prints it, so a script can never drift
 * from what a run does.
 * <p>
 * Per revision (the default) a transactional revision runs in one transaction with its
 * state rows. A revision whose effects could outlive a failure (non-transactional, or on
 * a database whose DDL commits implicitly) is first marked {@code RUNNING} in a
 * transaction of its own; a non-transactional one then runs in autocommit and its state
 * rows commit in a transaction after it. In mode ALL one transaction holds the whole run.
 */
public final class StepLoop {

	private final Dialect dialect;

	private final StateStatements statements;

	private final TransactionMode mode;

	public StepLoop(Dialect dialect, StateStatements statements, TransactionMode mode) {
		this.dialect = dialect;
		this.statements = statements;
		this.mode = mode;
	}

	/**
	 * Whether a revision's effects may outlive a failure or a crash, so that it is marked
	 * {@code RUNNING} before it runs (outside a whole-run transaction).
	 */
	public static boolean needsMark(ExecutableRevision revision, Dialect dialect) {
		return !revision.transactional() || !dialect.transactionalDdl();
	}

	/** Whether {@code plan} runs in one transaction. */
	public boolean oneTransaction(Plan plan) {
		return this.mode == TransactionMode.ALL && !plan.isEmpty();
	}

	/**
	 * Sends every step of {@code plan} to {@code sink}, following them in
	 * {@code applied}.
	 */
	public void run(Plan plan, Map<String, ExecutableRevision> revisions, AppliedSet applied, StepSink sink)
			throws SQLException {
		boolean oneTransaction = oneTransaction(plan);
		if (oneTransaction) {
			sink.begin();
		}
		for (Step step : plan.steps()) {
			ExecutableRevision revision = revision(revisions, step);
			boolean marked = !oneTransaction && needsMark(revision, this.dialect);
			boolean inTransaction = oneTransaction || revision.transactional();
			List<String> fromHeads = applied.heads();
			sink.stepStarted(step, revision);
			if (marked) {
				sink.mark(this.statements.markBeforeRunning(step, revision.checksum()));
			}
			if (inTransaction && !oneTransaction) {
				sink.begin();
			}
			sink.body(step, revision, inTransaction);
			Duration duration = sink.elapsed();
			List<String> toHeads = applied.headsAfter(step);
			if (!inTransaction) {
				sink.begin();
			}
			sink.state(this.statements.succeeded(step, revision.checksum(), marked, fromHeads, toHeads,
					sink.startedAt(), duration));
			if (!oneTransaction) {
				sink.commit();
			}
			applied.apply(step, toHeads);
			sink.stepFinished(step, duration);
		}
		if (oneTransaction) {
			sink.commit();
		}
	}

	static ExecutableRevision revision(Map<String, ExecutableRevision> revisions, Step step) {
		ExecutableRevision revision = revisions.get(step.revision().id());
		if (revision == null) {
			throw new MigrationsException("No script for revision " + step.revision().id());
		}
		return revision;
	}

}
