package dev.migrations.core.internal.command;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.LintFinding;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.command.DbSession.Locked;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.execution.DdlLockPolicy;
import dev.migrations.core.internal.execution.RunExecutor;
import dev.migrations.core.internal.lint.Linter;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.ExecutableRevision.SqlBody;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades and downgrades. With nothing to do the state is read and the run returns
 * without taking the lock (a couple of queries: the path every start of an up-to-date
 * service takes). Otherwise the run takes the lock, creates the state tables when
 * missing, reads the state again, plans again and runs the plan.
 */
public final class DbRun {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DbSession session;

	private final RevisionSet revisions;

	private final StateReader reader;

	private final Consumer<String> progress;

	private final boolean lint;

	public DbRun(DbSession session, RevisionSet revisions) {
		this(session, revisions, logger::info, true);
	}

	private DbRun(DbSession session, RevisionSet revisions, Consumer<String> progress, boolean lint) {
		this.session = session;
		this.revisions = revisions;
		this.reader = new StateReader(revisions);
		this.progress = progress;
		this.lint = lint;
	}

	/**
	 * Runs in a scratch database (autogenerate's): the lines a run logs at {@code INFO}
	 * (the state tables created, each step, nothing to do) go to {@code progress}
	 * instead, and the revisions are not linted, so that the application's log does not
	 * read as if its own database were migrated.
	 */
	public static DbRun scratch(DbSession session, RevisionSet revisions, Consumer<String> progress) {
		return new DbRun(session, revisions, progress, false);
	}

	public RunResult upgrade(String target) {
		return run(Operation.UPGRADE, target,
				(snapshot) -> this.revisions.graph().planUpgrade(snapshot.knownApplied(), target));
	}

	public RunResult downgrade(String target) {
		return run(Operation.DOWNGRADE, target, (snapshot) -> {
			Plan plan = this.revisions.graph().planDowngrade(snapshot.knownApplied(), target);
			snapshot.checkDowngrade(plan);
			return plan;
		});
	}

	private RunResult run(Operation operation, String target, Planner planner) {
		MigrationsConfiguration configuration = this.session.configuration();
		return this.session.run(operation, target, (connection, tables, progress) -> {
			StateSnapshot snapshot = this.reader.forPlanning(connection, tables);
			progress.heads(snapshot.heads());
			if (!snapshot.unknown().isEmpty()) {
				logger.warn("The database records revision(s) unknown to the code: {} (it is ahead of the code)",
						String.join(", ", snapshot.unknownIds()));
			}
			Plan plan = plan(snapshot, planner, false);
			if (plan.isEmpty() && snapshot.tablesExist() && !snapshot.runningKnown()) {
				this.progress.accept("Nothing to " + operation.columnValue() + ": the database is at "
						+ (progress.fromHeads.isEmpty() ? "base" : String.join(", ", progress.fromHeads)));
				return;
			}
			RunExecutor.checkRunnable(plan, this.revisions.executables(), configuration.transactionMode(),
					tables.dialect());
			this.revisions.checkStatements(plan, tables.dialect().sqlSyntax());
			if (this.lint && operation == Operation.UPGRADE && tables.dialect().type() != DatabaseType.MARIADB
					&& tables.dialect().type() != DatabaseType.MYSQL) {
				logLintFindings(plan);
			}
			try (Locked locked = this.session.lock(tables)) {
				if (!snapshot.tablesExist()) {
					// Migrations never drops them: seen once, they exist.
					DbSession.createTablesIfMissing(connection, tables, this.progress);
				}
				snapshot = this.reader.forPlanningCreated(connection, tables);
				AppliedSet applied = snapshot.appliedSet();
				progress.heads(applied.heads());
				plan = plan(snapshot, planner, true);
				// another run may have changed the state meanwhile: what the new plan
				// adds is
				// checked too (each file once; those checked above are not read again)
				this.revisions.checkStatements(plan, tables.dialect().sqlSyntax());
				if (needsSessionSettings(plan, tables.dialect())) {
					progress.preparedBy = tables.dialect();
					tables.dialect().prepareWorkConnection(connection);
				}
				try {
					new RunExecutor(tables.dialect(), this.session.statements(tables.dialect()),
							this.session.listeners(), configuration.transactionMode())
						.lockCheck(locked::lost)
						.progress(this.progress)
						.ddl(DdlLockPolicy.of(configuration.ddlLockTimeout(), configuration.ddlRetryBudget(),
								configuration.statementTimeout()))
						.execute(connection, plan, this.revisions.executables(), applied, progress.steps);
				}
				finally {
					progress.toHeads = applied.heads();
				}
			}
		});
	}

	/**
	 * Logs the lint findings of the revisions an upgrade is about to run (never fails the
	 * run: {@code migrations lint} and {@code check} are the gates).
	 */
	private void logLintFindings(Plan plan) {
		try {
			List<String> ids = plan.steps().stream().map((step) -> step.revision().id()).toList();
			for (LintFinding finding : new Linter(this.revisions).lint(ids)) {
				logger.warn("Lint {}: {}", finding.severity().name().toLowerCase(Locale.ROOT), finding.format());
			}
		}
		catch (MigrationsException ex) {
			logger.warn("Could not lint the pending revisions: {}", ex.getMessage());
		}
	}

	/**
	 * Whether a step of {@code plan} runs other than as SQL in one pipelined batch of its
	 * transaction, where the dialect's {@linkplain Dialect#transactionSetting transaction
	 * setting} is sent: only then is the work connection prepared (and reset afterwards),
	 * two round trips a run of SQL revisions does without.
	 */
	private boolean needsSessionSettings(Plan plan, Dialect dialect) {
		if (!dialect.pipelinesStatementBatches()) {
			return true;
		}
		for (Step step : plan.steps()) {
			ExecutableRevision revision = this.revisions.executables().get(step.revision().id());
			if (revision == null || !revision.transactional() || !(revision.body() instanceof SqlBody)) {
				return true;
			}
		}
		return false;
	}

	private Plan plan(StateSnapshot snapshot, Planner planner, boolean underLock) {
		MigrationsConfiguration configuration = this.session.configuration();
		snapshot.checkRunnable(configuration.validateChecksums(), configuration.onUnknownRevision(), underLock);
		return planner.plan(snapshot);
	}

	@FunctionalInterface
	private interface Planner {

		Plan plan(StateSnapshot snapshot);

	}

}
