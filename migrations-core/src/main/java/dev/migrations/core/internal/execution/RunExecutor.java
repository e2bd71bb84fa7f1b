package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.LockLostException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.StepResult;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.execution.JdbcStepSink.CheckedRevisionFailure;
import dev.migrations.core.internal.execution.JdbcStepSink.StepProgress;
import dev.migrations.core.internal.execution.JdbcStepSink.TransactionEndedException;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.ExecutableRevision.JavaBody;
import dev.migrations.core.internal.source.SqlStatement;
import dev.migrations.core.internal.state.AppliedRow.RowStatus;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.HistoryRecord;
import dev.migrations.core.internal.state.StateStatements;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a plan on one connection through the {@link StepLoop}, and reports a
 * failure: it is rolled back, then recorded in the history table in a transaction of its
 * own; where the revision's effects may remain (non-transactional revision, or a database
 * without transactional DDL after a statement ran) it is recorded {@code FAILED}, so that
 * every later run refuses until it is repaired. Callers hold the migration lock.
 */
public final class RunExecutor {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/** SQLState: the statement cannot run inside a transaction block. */
	private static final String NOT_IN_TRANSACTION_BLOCK = "25001";

	private final Dialect dialect;

	private final StateStatements statements;

	private final Listeners listeners;

	private final TransactionMode mode;

	private Supplier<@Nullable String> lockCheck = () -> null;

	private DdlLockPolicy ddl = DdlLockPolicy.none();

	private Consumer<String> progress = logger::info;

	public RunExecutor(Dialect dialect, StateStatements statements, Listeners listeners, TransactionMode mode) {
		this.dialect = dialect;
		this.statements = statements;
		this.listeners = listeners;
		this.mode = mode;
	}

	/**
	 * Checks the migration lock before each non-transactional revision (whose effects
	 * would remain if another run went ahead meanwhile).
	 * @param check says why the lock was lost, or {@code null} while it is held
	 * @return this executor
	 */
	public RunExecutor lockCheck(Supplier<@Nullable String> check) {
		this.lockCheck = check;
		return this;
	}

	/**
	 * Sets the lock and statement timeouts of revisions' statements and the retries after
	 * lock timeouts (PostgreSQL).
	 * @return this executor
	 */
	public RunExecutor ddl(DdlLockPolicy policy) {
		this.ddl = policy;
		return this;
	}

	/**
	 * Where the line of each step ({@code Running upgrade A -> B, message}) goes: the
	 * engine's {@code INFO} log unless set.
	 * @return this executor
	 */
	public RunExecutor progress(Consumer<String> progress) {
		this.progress = progress;
		return this;
	}

	/**
	 * Refuses a plan this executor cannot run as configured, before anything runs.
	 * @throws InvalidConfigurationException for mode ALL on a database without
	 * transactional DDL, or with a non-transactional revision
	 */
	public static void checkRunnable(Plan plan, Map<String, ExecutableRevision> revisions, TransactionMode mode,
			Dialect dialect) {
		if (mode != TransactionMode.ALL || plan.isEmpty()) {
			return;
		}
		if (!dialect.supportsSingleTransactionRuns()) {
			throw new InvalidConfigurationException("transactionMode", mode, dialect.type()
					+ " commits DDL implicitly, so a run cannot be one transaction there; use PER_REVISION");
		}
		for (Step step : plan.steps()) {
			ExecutableRevision revision = revisions.get(step.revision().id());
			if (revision != null && !revision.transactional()) {
				throw new InvalidConfigurationException("transactionMode", mode,
						"revision " + revision.id() + " (" + revision.source() + ") is 'transactional: false' and "
								+ "cannot run inside the run's transaction; use PER_REVISION");
			}
		}
	}

	/**
	 * Runs {@code plan}. Completed steps are added to {@code completed} as they commit
	 * (in mode ALL: all at the end).
	 * @throws RevisionFailedException when a revision fails
	 */
	public void execute(Connection connection, Plan plan, Map<String, ExecutableRevision> revisions, AppliedSet applied,
			List<StepResult> completed) {
		checkRunnable(plan, revisions, this.mode, this.dialect);
		StepLoop loop = new StepLoop(this.dialect, this.statements, this.mode);
		boolean oneTransaction = loop.oneTransaction(plan);
		List<StepResult> finished = oneTransaction ? new ArrayList<>() : completed;
		JdbcStepSink sink = new JdbcStepSink(connection, this.dialect, this.listeners, this.lockCheck, finished,
				this.ddl, !oneTransaction, this.progress);
		List<String> runStartHeads = applied.heads();
		try {
			if (oneTransaction && this.dialect.type() == DatabaseType.POSTGRESQL && this.ddl.setsLockTimeout()) {
				runRetryingWhole(connection, plan, revisions, applied, loop, sink, finished);
			}
			else {
				loop.run(plan, revisions, applied, sink);
			}
			if (oneTransaction) {
				completed.addAll(finished);
			}
		}
		catch (LockLostException ex) {
			// Found before the revision started: nothing of it ran.
			throw ex;
		}
		catch (SQLException | RuntimeException ex) {
			StepProgress progress = sink.current();
			if (progress == null) {
				throw new MigrationsException("Could not start the run's transaction: " + ex.getMessage(), ex);
			}
			if (oneTransaction) {
				// Rolled back whole: the applied set is as before the run.
				for (StepResult result : finished) {
					applied.apply(result.step().reversed());
				}
				throw failed(connection, progress, ex, false, runStartHeads);
			}
			ExecutableRevision revision = progress.revision;
			boolean lockTimeoutFirst = progress.statementsRun == 0 && progress.current != null
					&& ex instanceof SQLException sql && JdbcStepSink.LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
			boolean mayRemain = (!revision.transactional() && !lockTimeoutFirst)
					|| (!this.dialect.transactionalDdl() && (revision.body() instanceof JavaBody
							|| progress.committedImplicitly || (progress.statementsRun > 0 && (progress.current == null
									|| this.dialect.commitsImplicitly(progress.current.sql())))));
			throw failed(connection, progress, ex, mayRemain, applied.heads());
		}
	}

	/**
	 * Runs a whole-run transaction; when a statement times out waiting for a lock, rolls
	 * the whole run back and runs it again after a backoff, until the retry budget is
	 * spent (the run's transaction holds every revision, so no revision can be retried
	 * alone).
	 */
	private void runRetryingWhole(Connection connection, Plan plan, Map<String, ExecutableRevision> revisions,
			AppliedSet applied, StepLoop loop, JdbcStepSink sink, List<StepResult> finished) throws SQLException {
		LockTimeoutRetry retry = new LockTimeoutRetry(connection, this.ddl, this.listeners);
		while (true) {
			try {
				loop.run(plan, revisions, applied, sink);
				return;
			}
			catch (SQLException ex) {
				StepProgress progress = sink.current();
				if (!LockTimeoutRetry.isLockTimeout(ex) || progress == null) {
					throw ex;
				}
				connection.rollback();
				for (StepResult result : finished) {
					applied.apply(result.step().reversed());
				}
				finished.clear();
				retry.waitOrFail(progress.step, progress.revision.source(), progress.current, ex, true,
						"rolled back the whole run (transaction mode ALL)");
			}
		}
	}

	/**
	 * Whether a failed transactional revision had ended its transaction before it failed
	 * (asked after the rollback): then what ran before that was committed.
	 */
	private boolean endedBeforeFailure(Connection connection, StepProgress progress, List<SQLException> problems) {
		if (progress.transactionEnded) {
			return true;
		}
		try {
			return connection.getAutoCommit()
					|| (progress.transactionId != null && this.dialect.committed(connection, progress.transactionId));
		}
		catch (SQLException ex) {
			problems.add(ex);
			return false;
		}
	}

	private RevisionFailedException failed(Connection connection, StepProgress progress, Exception ex,
			boolean mayRemain, List<String> fromHeads) {
		Step step = progress.step;
		ExecutableRevision revision = progress.revision;
		Duration duration = Duration.ofNanos(System.nanoTime() - progress.start);
		Throwable cause = (ex instanceof CheckedRevisionFailure) ? ex.getCause() : ex;
		SQLException sqlException = findSqlException(cause);
		SqlStatement statement = progress.current;
		if (statement != null) {
			logger.debug("Failed statement of revision {} at {} line {}:\n{}", revision.id(), revision.source(),
					statement.line(), statement.sql());
		}
		String databaseMessage = (sqlException != null)
				? this.dialect.errorMessage(sqlException, firstLine(sqlException.getMessage())) : String.valueOf(cause);
		if (cause instanceof TransactionEndedException) {
			databaseMessage = cause.getMessage();
		}
		if (sqlException != null && NOT_IN_TRANSACTION_BLOCK.equals(sqlException.getSQLState())) {
			databaseMessage += "; to run it outside a transaction, mark the revision "
					+ ((revision.body() instanceof JavaBody) ? "@Revision(transactional = false)"
							: "'-- transactional: false'")
					+ ((this.mode == TransactionMode.ALL) ? " and use transaction mode PER_REVISION" : "")
					+ " (best in a revision of its own, as a failure then cannot be rolled back)";
		}
		if (progress.writingState) {
			databaseMessage = "could not record it in the state tables: " + databaseMessage;
		}
		if (mayRemain && revision.transactional() && !this.dialect.transactionalDdl() && !progress.ran.isEmpty()) {
			databaseMessage += progress.ranBefore(this.dialect.type().toString(),
					statement != null && this.dialect.commitsImplicitly(statement.sql()));
		}
		List<SQLException> problems = new ArrayList<>();
		rollback(connection, problems);
		boolean remains = mayRemain;
		if (revision.transactional() && !remains && endedBeforeFailure(connection, progress, problems)) {
			remains = true;
			if (!(cause instanceof TransactionEndedException)) {
				databaseMessage += "; before that the revision had ended its transaction ("
						+ TransactionEndedException.TRANSACTION_ENDERS + "), so what ran before was committed";
			}
		}
		RevisionFailedException failure = new RevisionFailedException(revision.id(), step.direction(),
				revision.source(), (statement != null) ? statement.line() : null,
				(sqlException != null) ? sqlException.getSQLState() : null, databaseMessage, remains, cause);
		problems.forEach(failure::addSuppressed);
		recordFailure(connection, progress, remains, fromHeads, duration, failure);
		this.listeners.revisionFailed(step, duration, failure);
		return failure;
	}

	private static void rollback(Connection connection, List<SQLException> problems) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			problems.add(ex);
		}
	}

	private void recordFailure(Connection connection, StepProgress progress, boolean mayRemain, List<String> fromHeads,
			Duration duration, RevisionFailedException failure) {
		Step step = progress.step;
		ExecutableRevision revision = progress.revision;
		Operation operation = (step.direction() == Direction.UPGRADE) ? Operation.UPGRADE : Operation.DOWNGRADE;
		List<String> sql = new ArrayList<>();
		if (mayRemain) {
			sql.add((step.direction() == Direction.UPGRADE && !progress.marked)
					? this.statements.insertApplied(step.revision(), revision.checksum(), RowStatus.FAILED, duration)
					: this.statements.markFailed(revision.id()));
		}
		else if (progress.marked) {
			// Nothing ran: take the mark back.
			sql.add((step.direction() == Direction.UPGRADE) ? this.statements.deleteApplied(revision.id())
					: this.statements.markApplied(revision.id()));
		}
		sql.add(this.statements.insertHistory(new HistoryRecord(operation, revision.id(), fromHeads, fromHeads,
				revision.checksum(), progress.startedAt, duration, false, failure.getMessage())));
		try (Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (String each : sql) {
				statement.addBatch(each);
			}
			statement.executeBatch();
			connection.commit();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
			logger.error("Could not record the failure of revision {} in the state tables: {}", revision.id(),
					ex.getMessage());
		}
	}

	private static @Nullable SQLException findSqlException(@Nullable Throwable throwable) {
		for (Throwable each = throwable; each != null; each = each.getCause()) {
			if (each instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "(no message)";
		}
		int newline = message.indexOf('\n');
		return ((newline >= 0) ? message.substring(0, newline) : message).trim();
	}

}
