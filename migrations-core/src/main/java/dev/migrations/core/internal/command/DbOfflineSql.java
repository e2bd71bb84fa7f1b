package dev.migrations.core.internal.command;

import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Operation;
import dev.migrations.core.RunResult;
import dev.migrations.core.StepResult;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.dialect.Dialects;
import dev.migrations.core.internal.offline.OfflineRenderer;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.source.SqlSyntax;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateStatements;
import org.jspecify.annotations.Nullable;

/**
 * Offline SQL: the script a run would execute from a starting point, written without
 * changing the database (read only when the start is the database's own heads). Each
 * returns what the script does, as a run would report it: its steps and heads.
 */
public final class DbOfflineSql {

	private final DbSession session;

	private final RevisionSet revisions;

	private final DbStatus status;

	public DbOfflineSql(DbSession session, RevisionSet revisions, DbStatus status) {
		this.session = session;
		this.revisions = revisions;
		this.status = status;
	}

	public RunResult upgrade(@Nullable String start, String target, Writer out) {
		AppliedSet applied = startingPoint(start);
		return run(Operation.UPGRADE, this.revisions.graph().planUpgrade(applied.ids(), target), applied, out);
	}

	public RunResult downgrade(@Nullable String start, String target, Writer out) {
		AppliedSet applied = startingPoint(start);
		return run(Operation.DOWNGRADE, this.revisions.graph().planDowngrade(applied.ids(), target), applied, out);
	}

	public RunResult stamp(@Nullable String start, List<String> targets, boolean purge, Writer out) {
		Instant startedAt = Instant.now();
		AppliedSet before = startingPoint(start);
		StampPlan plan = this.revisions.graph().planStamp(purge ? Set.of() : before.ids(), targets, purge);
		AppliedSet after = before.afterStamp(plan, purge);
		renderer().renderStamp(plan, purge, this.revisions.checksums(), before, after, out);
		return new RunResult(Operation.STAMP, before.heads(), after.heads(), List.of(), startedAt, Duration.ZERO);
	}

	private RunResult run(Operation operation, Plan plan, AppliedSet applied, Writer out) {
		Instant startedAt = Instant.now();
		List<String> fromHeads = applied.heads();
		DatabaseType type = this.session.configuration().databaseType();
		this.revisions.checkStatements(plan, (type != null) ? SqlSyntax.of(type) : null);
		renderer().renderRun(plan, this.revisions.executables(), applied, out);
		List<StepResult> steps = plan.steps().stream().map((step) -> new StepResult(step, Duration.ZERO)).toList();
		return new RunResult(operation, fromHeads, applied.heads(), steps, startedAt, Duration.ZERO);
	}

	private AppliedSet startingPoint(@Nullable String start) {
		return StartingPoint.of(start, this.revisions.graph(), () -> this.status.snapshot().knownApplied());
	}

	private OfflineRenderer renderer() {
		MigrationsConfiguration configuration = this.session.configuration();
		DatabaseType type = (configuration.databaseType() != null) ? configuration.databaseType()
				: DatabaseType.POSTGRESQL;
		Dialect dialect = Dialects.of(type);
		return new OfflineRenderer(dialect, new StateStatements(dialect, this.session.names(), null),
				configuration.transactionMode());
	}

}
