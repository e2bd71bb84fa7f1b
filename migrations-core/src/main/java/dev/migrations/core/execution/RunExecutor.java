package dev.migrations.core.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.LockLostException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionContext;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.StepResult;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.dialect.Dialect;
import dev.migrations.core.execution.ExecutableRevision.JavaBody;
import dev.migrations.core.execution.ExecutableRevision.SqlBody;
import dev.migrations.core.execution.ExecutableRevision.StatementSource;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.source.SqlStatement;
import dev.migrations.core.state.AppliedRow;
import dev.migrations.core.state.HistoryRecord;
import dev.migrations.core.state.StateStatements;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a plan on one connection. Per revision (the default) each
 * transactional revision runs in one transaction holding its statements and its state
 * rows, written as one batch; a non-transactional revision runs in autocommit, then its
 * state rows are committed. A failure is rolled back, then recorded in the history table
 * in a transaction of its own; where the revision's effects may remain (non-transactional
 * revision, or a database without transactional DDL after a statement ran) it is recorded
 * {@code FAILED}. Such a revision is marked {@code RUNNING} in a transaction of its own
 * before it runs, and the mark is replaced when it succeeds or fails, so that even a
 * crash in the middle leaves a state the tables describe. Callers hold the migration
 * lock.
 */
public final class RunExecutor {

	private static final Logger logger = LoggerFactory.getLogger(RunExecutor.class);

	/** SQLState: the statement cannot run inside a transaction block. */
	private static final String NOT_IN_TRANSACTION_BLOCK = "25001";

	private static final String TRANSACTION_ENDERS = "a COMMIT or ROLLBACK, or autocommit switched on";

	private final Dialect dialect;

	private final StateStatements statements;

	private final Listeners listeners;

	private final TransactionMode mode;

	private Supplier<@Nullable String> lockCheck = () -> null;

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
		if (this.mode == TransactionMode.ALL) {
			executeInOneTransaction(connection, plan, revisions, applied, completed);
		}
		else {
			for (Step step : plan.steps()) {
				completed.add(executeStep(connection, step, revision(revisions, step), applied));
			}
		}
	}

	private static ExecutableRevision revision(Map<String, ExecutableRevision> revisions, Step step) {
		ExecutableRevision revision = revisions.get(step.revision().id());
		if (revision == null) {
			throw new MigrationsException("No script for revision " + step.revision().id());
		}
		return revision;
	}

	private StepResult executeStep(Connection connection, Step step, ExecutableRevision revision, AppliedSet applied) {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		List<String> fromHeads = applied.heads();
		Progress progress = new Progress();
		if (!revision.transactional()) {
			String lost = this.lockCheck.get();
			if (lost != null) {
				throw new LockLostException(revision.id(), revision.source(), lost);
			}
		}
		started(step);
		try {
			if (needsMark(revision)) {
				connection.setAutoCommit(false);
				batch(connection, List.of(this.statements.markBeforeRunning(step, revision.checksum())));
				connection.commit();
				progress.marked = true;
			}
			connection.setAutoCommit(!revision.transactional());
			if (revision.transactional() && isJava(revision)) {
				progress.transactionId = this.dialect.transactionId(connection);
			}
			run(connection, step, revision, progress);
			if (revision.transactional()) {
				checkTransactionKept(connection, progress);
			}
			Duration duration = Duration.ofNanos(System.nanoTime() - start);
			if (!revision.transactional()) {
				connection.setAutoCommit(false);
			}
			progress.writingState = true;
			List<String> toHeads = afterStep(applied, step);
			batch(connection, this.statements.succeeded(step, revision.checksum(), progress.marked, fromHeads, toHeads,
					startedAt, duration));
			connection.commit();
			applied.apply(step, toHeads);
			this.listeners.revisionFinished(step, duration);
			return new StepResult(step, duration);
		}
		catch (SQLException | RuntimeException ex) {
			boolean mayRemain = !revision.transactional()
					|| (!this.dialect.transactionalDdl() && (progress.statementsRun > 0 || isJava(revision)));
			throw failed(connection, step, revision, progress, ex, mayRemain, fromHeads, startedAt, start);
		}
	}

	/**
	 * Whether a revision's effects may outlive a failure or a crash, so that it is marked
	 * {@code RUNNING} before it runs.
	 */
	public static boolean needsMark(ExecutableRevision revision, Dialect dialect) {
		return !revision.transactional() || !dialect.transactionalDdl();
	}

	private boolean needsMark(ExecutableRevision revision) {
		return needsMark(revision, this.dialect);
	}

	private void executeInOneTransaction(Connection connection, Plan plan, Map<String, ExecutableRevision> revisions,
			AppliedSet applied, List<StepResult> completed) {
		List<StepResult> done = new ArrayList<>();
		Step step = null;
		ExecutableRevision revision = null;
		Progress progress = new Progress();
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		List<String> fromHeads = applied.heads();
		List<String> runStartHeads = fromHeads;
		try {
			connection.setAutoCommit(false);
			Long transactionId = anyJava(plan, revisions) ? this.dialect.transactionId(connection) : null;
			for (Step each : plan.steps()) {
				step = each;
				revision = revision(revisions, each);
				progress = new Progress();
				progress.transactionId = isJava(revision) ? transactionId : null;
				startedAt = Instant.now();
				start = System.nanoTime();
				fromHeads = applied.heads();
				started(each);
				run(connection, each, revision, progress);
				checkTransactionKept(connection, progress);
				Duration duration = Duration.ofNanos(System.nanoTime() - start);
				progress.writingState = true;
				List<String> toHeads = afterStep(applied, each);
				batch(connection, this.statements.succeeded(each, revision.checksum(), false, fromHeads, toHeads,
						startedAt, duration));
				applied.apply(each, toHeads);
				done.add(new StepResult(each, duration));
				this.listeners.revisionFinished(each, duration);
			}
			connection.commit();
			completed.addAll(done);
		}
		catch (SQLException | RuntimeException ex) {
			if (step == null || revision == null) {
				throw new MigrationsException("Could not start the run's transaction: " + ex.getMessage(), ex);
			}
			// Rolled back whole: the applied set is as before the run.
			for (StepResult result : done) {
				undo(applied, result.step());
			}
			throw failed(connection, step, revision, progress, ex, false, runStartHeads, startedAt, start);
		}
	}

	private static void undo(AppliedSet applied, Step step) {
		applied.apply(new Step(step.revision(),
				(step.direction() == Direction.UPGRADE) ? Direction.DOWNGRADE : Direction.UPGRADE));
	}

	private void started(Step step) {
		logger.info(Steps.describe(step));
		this.listeners.revisionStarted(step);
	}

	private static List<String> afterStep(AppliedSet applied, Step step) {
		return applied.headsAfter(step);
	}

	private static boolean isJava(ExecutableRevision revision) {
		return revision.body() instanceof JavaBody;
	}

	private static boolean anyJava(Plan plan, Map<String, ExecutableRevision> revisions) {
		return plan.steps().stream().anyMatch((step) -> isJava(revision(revisions, step)));
	}

	private void run(Connection connection, Step step, ExecutableRevision revision, Progress progress)
			throws SQLException {
		if (revision.body() instanceof SqlBody sql) {
			try (Statement statement = connection.createStatement()) {
				if (revision.transactional() && this.dialect.pipelinesStatementBatches()) {
					runBatched(statement, sql.statements(step.direction()), progress);
				}
				else {
					sql.statements(step.direction()).forEach((each) -> {
						progress.current = each;
						statement.execute(each.sql());
						progress.statementsRun++;
					});
				}
			}
			progress.current = null;
		}
		else {
			JavaBody java = (JavaBody) revision.body();
			Context context = new Context(RevisionConnection.of(connection, revision.id(), revision.transactional()),
					revision.id(), step.direction());
			progress.statementsRun = -1;
			try {
				if (step.direction() == Direction.UPGRADE) {
					java.revision().upgrade(context);
				}
				else {
					java.revision().downgrade(context);
				}
			}
			catch (SQLException | RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new JavaRevisionException(ex);
			}
		}
	}

	/**
	 * Runs the statements of a transactional revision in pipelined batches; where one
	 * fails, {@code progress} names it as when each runs on its own.
	 */
	private static void runBatched(Statement statement, StatementSource statements, Progress progress)
			throws SQLException {
		StatementBatch batch = new StatementBatch(statement);
		try {
			statements.forEach(batch::add);
			batch.flush();
		}
		finally {
			progress.current = batch.failed();
			progress.statementsRun = batch.executed();
		}
	}

	/**
	 * Fails when a transactional revision ended the transaction it was given: its
	 * statements then did not run as one transaction, and some were committed. Only a
	 * Java revision is given a transaction id to compare: a SQL revision cannot end its
	 * transaction, since the loader refuses its transaction control statements and a
	 * procedure or {@code DO} block cannot commit inside a transaction block.
	 */
	private void checkTransactionKept(Connection connection, Progress progress) throws SQLException {
		if (connection.getAutoCommit() || (progress.transactionId != null
				&& !progress.transactionId.equals(this.dialect.transactionId(connection)))) {
			progress.transactionEnded = true;
			throw new TransactionEndedException();
		}
	}

	/**
	 * Whether a failed transactional revision had ended its transaction before it failed
	 * (asked after the rollback): then what ran before that was committed.
	 */
	private boolean endedBeforeFailure(Connection connection, Progress progress, List<SQLException> problems) {
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

	private static void batch(Connection connection, List<String> sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.addBatch(each);
			}
			statement.executeBatch();
		}
	}

	private RevisionFailedException failed(Connection connection, Step step, ExecutableRevision revision,
			Progress progress, Exception ex, boolean mayRemain, List<String> fromHeads, Instant startedAt, long start) {
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		Throwable cause = (ex instanceof JavaRevisionException) ? ex.getCause() : ex;
		SQLException sqlException = findSqlException(cause);
		SqlStatement statement = progress.current;
		if (statement != null) {
			logger.debug("Failed statement of revision {} at {} line {}:\n{}", revision.id(), revision.source(),
					statement.line(), statement.sql());
		}
		String databaseMessage = (sqlException != null) ? firstLine(sqlException.getMessage()) : String.valueOf(cause);
		if (cause instanceof TransactionEndedException) {
			databaseMessage = cause.getMessage();
		}
		if (sqlException != null && NOT_IN_TRANSACTION_BLOCK.equals(sqlException.getSQLState())) {
			databaseMessage += "; to run it outside a transaction, mark the revision "
					+ (isJava(revision) ? "@Revision(transactional = false)" : "'-- transactional: false'")
					+ ((this.mode == TransactionMode.ALL) ? " and use transaction mode PER_REVISION" : "")
					+ " (best in a revision of its own, as a failure then cannot be rolled back)";
		}
		if (progress.writingState) {
			databaseMessage = "could not record it in the state tables: " + databaseMessage;
		}
		List<SQLException> problems = new ArrayList<>();
		rollback(connection, problems);
		boolean remains = mayRemain;
		if (revision.transactional() && !remains && endedBeforeFailure(connection, progress, problems)) {
			remains = true;
			if (!(cause instanceof TransactionEndedException)) {
				databaseMessage += "; before that the revision had ended its transaction (" + TRANSACTION_ENDERS
						+ "), so what ran before was committed";
			}
		}
		RevisionFailedException failure = new RevisionFailedException(revision.id(), step.direction(),
				revision.source(), (statement != null) ? statement.line() : null,
				(sqlException != null) ? sqlException.getSQLState() : null, databaseMessage, remains, cause);
		problems.forEach(failure::addSuppressed);
		recordFailure(connection, step, revision, progress, remains, fromHeads, startedAt, duration, failure);
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

	private void recordFailure(Connection connection, Step step, ExecutableRevision revision, Progress progress,
			boolean mayRemain, List<String> fromHeads, Instant startedAt, Duration duration,
			RevisionFailedException failure) {
		Operation operation = (step.direction() == Direction.UPGRADE) ? Operation.UPGRADE : Operation.DOWNGRADE;
		List<String> sql = new ArrayList<>();
		if (mayRemain) {
			sql.add((step.direction() == Direction.UPGRADE && !progress.marked)
					? this.statements.insertApplied(step.revision(), revision.checksum(), AppliedRow.FAILED, duration)
					: this.statements.markFailed(revision.id()));
		}
		else if (progress.marked) {
			// Nothing ran: take the mark back.
			sql.add((step.direction() == Direction.UPGRADE) ? this.statements.deleteApplied(revision.id())
					: this.statements.markApplied(revision.id()));
		}
		sql.add(this.statements.insertHistory(new HistoryRecord(operation, revision.id(), fromHeads, fromHeads,
				revision.checksum(), startedAt, duration, false, failure.getMessage())));
		try {
			connection.setAutoCommit(false);
			batch(connection, sql);
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

	/** How far a revision got. */
	private static final class Progress {

		@Nullable SqlStatement current;

		int statementsRun;

		boolean marked;

		boolean writingState;

		/** The revision's transaction, where the dialect tells. */
		@Nullable Long transactionId;

		/** Whether the revision ended the transaction it was given. */
		boolean transactionEnded;

	}

	/** A transactional revision ended the transaction it runs in. */
	private static final class TransactionEndedException extends RuntimeException {

		TransactionEndedException() {
			super("the revision ended the transaction it runs in (" + TRANSACTION_ENDERS
					+ "), so its statements did not run as one transaction and some of them were committed");
		}

	}

	/** Carries a checked exception of a Java revision out of the executor's lambdas. */
	private static final class JavaRevisionException extends RuntimeException {

		JavaRevisionException(Exception cause) {
			super(cause);
		}

	}

	private record Context(Connection connection, String revisionId, Direction direction) implements RevisionContext {

	}

}
