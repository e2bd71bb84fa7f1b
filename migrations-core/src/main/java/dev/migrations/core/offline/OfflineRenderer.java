package dev.migrations.core.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.OfflineSqlException;
import dev.migrations.core.Operation;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.dialect.Dialect;
import dev.migrations.core.execution.AppliedSet;
import dev.migrations.core.execution.ExecutableRevision;
import dev.migrations.core.execution.ExecutableRevision.JavaBody;
import dev.migrations.core.execution.ExecutableRevision.SqlBody;
import dev.migrations.core.execution.RunExecutor;
import dev.migrations.core.execution.Steps;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.state.HistoryRecord;
import dev.migrations.core.state.StateStatements;

/**
 * Writes the SQL a run would execute: the state-table DDL, then per revision a
 * {@code -- Running upgrade A -> B, message} comment, {@code BEGIN;}, its statements, its
 * state rows and {@code COMMIT;} (a non-transactional revision's statements without the
 * transaction, after a statement marking it {@code RUNNING}, and followed by its state
 * rows in a transaction of their own, as online; mode ALL with one transaction around the
 * whole run). On PostgreSQL the header tells to run the script with
 * {@code psql -v ON_ERROR_STOP=1}. State rows are the very statements an online run
 * sends, with {@code CURRENT_TIMESTAMP} for times, zero durations and no host. Java
 * revisions cannot be rendered: see {@link OfflineSqlException}.
 */
public final class OfflineRenderer {

	private final Dialect dialect;

	private final StateStatements statements;

	private final TransactionMode mode;

	public OfflineRenderer(Dialect dialect, StateStatements statements, TransactionMode mode) {
		this.dialect = dialect;
		this.statements = statements.withHost(null);
		this.mode = mode;
	}

	/**
	 * Renders an upgrade or downgrade plan starting from {@code applied}.
	 * @throws OfflineSqlException when the plan holds a Java revision; nothing is written
	 */
	public void renderRun(Plan plan, Map<String, ExecutableRevision> revisions, AppliedSet applied, Writer out) {
		for (Step step : plan.steps()) {
			ExecutableRevision revision = revisions.get(step.revision().id());
			if (revision == null || revision.body() instanceof JavaBody) {
				throw new OfflineSqlException(step.revision().id(), step.revision().source());
			}
		}
		RunExecutor.checkRunnable(plan, revisions, this.mode, this.dialect);
		try {
			header(out, plan.direction().name().toLowerCase(Locale.ROOT), applied.heads());
			boolean oneTransaction = this.mode == TransactionMode.ALL && !plan.isEmpty();
			if (oneTransaction) {
				out.write("BEGIN;\n\n");
			}
			for (Step step : plan.steps()) {
				ExecutableRevision revision = revisions.get(step.revision().id());
				renderStep(step, revision, applied, !oneTransaction && revision.transactional(), oneTransaction, out);
			}
			if (oneTransaction) {
				out.write("COMMIT;\n\n");
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Renders a stamp starting from {@code applied}. */
	public void renderStamp(StampPlan plan, boolean purge, Map<String, String> checksums, AppliedSet applied,
			Writer out) {
		AppliedSet after = purge ? applied.empty() : applied.copy();
		plan.unmark().forEach((revision) -> after.apply(new Step(revision, Direction.DOWNGRADE)));
		plan.mark().forEach((revision) -> after.apply(new Step(revision, Direction.UPGRADE)));
		try {
			header(out, "stamp", applied.heads());
			out.write("-- Running stamp_revision " + String.join(", ", applied.heads()) + " -> "
					+ String.join(", ", after.heads()) + "\n\n");
			out.write("BEGIN;\n\n");
			for (String sql : this.statements.stamp(plan, purge, checksums, applied.heads(), after.heads(), null)) {
				statement(out, sql);
			}
			out.write("COMMIT;\n\n");
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void header(Writer out, String operation, List<String> from) throws IOException {
		out.write("-- Migrations offline SQL (" + this.dialect.type() + "): " + operation + " from "
				+ (from.isEmpty() ? "base" : String.join(", ", from)) + "\n");
		if (this.dialect.type() == DatabaseType.POSTGRESQL) {
			out.write("-- Run it with: psql -v ON_ERROR_STOP=1 -f <this file> (psql goes on after an error unless\n"
					+ "-- told to stop, which would run the rest of the script on a half-migrated database)\n");
		}
		out.write("\n");
		for (String ddl : this.statements.createTables()) {
			statement(out, ddl);
		}
	}

	private void renderStep(Step step, ExecutableRevision revision, AppliedSet applied, boolean transaction,
			boolean oneTransaction, Writer out) throws IOException {
		out.write("-- " + Steps.describe(step) + "\n\n");
		boolean marked = !oneTransaction && RunExecutor.needsMark(revision, this.dialect);
		if (marked) {
			statement(out, this.statements.markBeforeRunning(step, revision.checksum()));
		}
		if (transaction) {
			out.write("BEGIN;\n\n");
		}
		try {
			((SqlBody) revision.body()).statements(step.direction()).forEach((each) -> {
				try {
					statement(out, each.sql());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (SQLException ex) {
			throw new MigrationsException(
					"Could not read revision " + revision.id() + " (" + revision.source() + "): " + ex.getMessage(),
					ex);
		}
		List<String> fromHeads = applied.heads();
		applied.apply(step);
		boolean stateTransaction = !transaction && !oneTransaction;
		if (stateTransaction) {
			// As online: the state rows of a non-transactional revision commit together.
			out.write("BEGIN;\n\n");
		}
		for (String sql : this.statements.succeeded(step, revision.checksum(), marked, fromHeads, applied.heads(), null,
				Duration.ZERO)) {
			statement(out, sql);
		}
		if (transaction || stateTransaction) {
			out.write("COMMIT;\n\n");
		}
	}

	/**
	 * Writes one statement with its terminator; on a line of its own when the statement's
	 * last line might end in a {@code --} comment.
	 */
	private static void statement(Writer out, String sql) throws IOException {
		String trimmed = sql.strip();
		int lastLine = trimmed.lastIndexOf('\n');
		boolean comment = trimmed.substring(lastLine + 1).contains("--");
		out.write(trimmed);
		out.write(comment ? "\n;\n\n" : ";\n\n");
	}

}
