package dev.migrations.core.internal.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.OfflineSqlException;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.execution.RunExecutor;
import dev.migrations.core.internal.execution.StepLoop;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.ExecutableRevision.JavaBody;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateStatements;

/**
 * Writes the SQL a run would execute: a header, the state-table DDL, then the steps as
 * the {@link StepLoop} lays them out for an online run, printed by a script sink. On
 * PostgreSQL the header tells to run the script with {@code psql -v ON_ERROR_STOP=1}.
 * State rows are the very statements an online run sends, with {@code CURRENT_TIMESTAMP}
 * for times, zero durations and no host. Java revisions cannot be rendered: see
 * {@link OfflineSqlException}.
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
	 * Renders an upgrade or downgrade plan starting from {@code applied}, which follows
	 * the steps.
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
		ScriptSink sink = new ScriptSink(out, this.dialect.sqlSyntax());
		header(sink, plan.direction().name().toLowerCase(Locale.ROOT), applied.heads());
		try {
			new StepLoop(this.dialect, this.statements, this.mode).run(plan, revisions, applied, sink);
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not read the revisions of the script: " + ex.getMessage(), ex);
		}
		flush(out);
	}

	/**
	 * Renders a stamp from {@code before} to {@code after} (see
	 * {@link AppliedSet#afterStamp}).
	 */
	public void renderStamp(StampPlan plan, boolean purge, Map<String, String> checksums, AppliedSet before,
			AppliedSet after, Writer out) {
		ScriptSink sink = new ScriptSink(out, this.dialect.sqlSyntax());
		header(sink, "stamp", before.heads());
		sink.write("-- Running stamp_revision " + String.join(", ", before.heads()) + " -> "
				+ String.join(", ", after.heads()) + "\n\n");
		sink.begin();
		sink.state(this.statements.stamp(plan, purge, checksums, before.heads(), after.heads(), null));
		sink.commit();
		flush(out);
	}

	private void header(ScriptSink sink, String operation, List<String> from) {
		sink.write("-- Migrations offline SQL (" + this.dialect.type() + "): " + operation + " from "
				+ (from.isEmpty() ? "base" : String.join(", ", from)) + "\n");
		if (this.dialect.type() == DatabaseType.POSTGRESQL) {
			sink.write("-- Run it with: psql -v ON_ERROR_STOP=1 -f <this file> (psql goes on after an error unless\n"
					+ "-- told to stop, which would run the rest of the script on a half-migrated database)\n");
		}
		else if (this.dialect.type() == DatabaseType.MARIADB || this.dialect.type() == DatabaseType.MYSQL) {
			sink.write("-- Run it with: mariadb DATABASE < <this file> (or mysql; the client stops at the first error\n"
					+ "-- unless given --force, which would run the rest of the script on a half-migrated database)\n");
		}
		sink.write("\n");
		this.statements.createTables().forEach(sink::statement);
	}

	private static void flush(Writer out) {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
