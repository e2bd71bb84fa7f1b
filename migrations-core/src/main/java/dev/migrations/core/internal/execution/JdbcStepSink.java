package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.LockLostException;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionContext;
import dev.migrations.core.StepResult;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.lint.StatementRecognizer;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.ExecutableRevision.JavaBody;
import dev.migrations.core.internal.source.ExecutableRevision.SqlBody;
import dev.migrations.core.internal.source.ExecutableRevision.StatementSource;
import dev.migrations.core.internal.source.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the steps of a run on one connection, and keeps how far the current step got
 * ({@link StepProgress}) for the failure report. A transactional revision's statements go
 * as pipelined batches where the dialect allows; a Java revision runs on a connection
 * that refuses to end its transaction, and the transaction is checked to be the same
 * after it.
 */
final class JdbcStepSink implements StepSink {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/** SQLState "lock not available": a {@code lock_timeout} expired. */
	static final String LOCK_NOT_AVAILABLE = LockTimeoutRetry.LOCK_NOT_AVAILABLE;

	private final Connection connection;

	private final Dialect dialect;

	private final Listeners listeners;

	private final Supplier<@Nullable String> lockCheck;

	private final List<StepResult> finished;

	/** The open transaction's id, once a Java revision asked for it. */
	private @Nullable Long transactionId;

	private @Nullable StepProgress current;

	private final DdlLockPolicy ddl;

	/**
	 * Whether a revision may be rolled back and retried alone (not in a whole-run
	 * transaction).
	 */
	private final boolean retries;

	private final Consumer<String> progress;

	/**
	 * @param lockCheck says why the migration lock was lost, or {@code null} while held
	 * @param finished where finished steps are added
	 * @param ddl the lock and statement timeouts (applied on PostgreSQL only)
	 * @param retries whether a revision can be retried alone after a lock timeout
	 * @param progress where the line of each step goes
	 */
	JdbcStepSink(Connection connection, Dialect dialect, Listeners listeners, Supplier<@Nullable String> lockCheck,
			List<StepResult> finished, DdlLockPolicy ddl, boolean retries, Consumer<String> progress) {
		this.connection = connection;
		this.dialect = dialect;
		this.listeners = listeners;
		this.lockCheck = lockCheck;
		this.finished = finished;
		boolean postgres = dialect.type() == DatabaseType.POSTGRESQL;
		this.ddl = postgres ? ddl : DdlLockPolicy.none();
		this.retries = retries && postgres && this.ddl.setsLockTimeout();
		this.progress = progress;
	}

	/** How far the current step got; {@code null} before the first step. */
	@Nullable StepProgress current() {
		return this.current;
	}

	@Override
	public void stepStarted(Step step, ExecutableRevision revision) {
		if (!revision.transactional()) {
			// Its effects would remain if another run went ahead meanwhile.
			String lost = this.lockCheck.get();
			if (lost != null) {
				throw new LockLostException(revision.id(), revision.source(), lost);
			}
		}
		this.current = new StepProgress(step, revision);
		this.progress.accept(step.describe());
		this.listeners.revisionStarted(step);
	}

	@Override
	public void mark(String statement) throws SQLException {
		this.connection.setAutoCommit(false);
		batch(List.of(statement));
		this.connection.commit();
		progress().marked = true;
	}

	@Override
	public void begin() throws SQLException {
		this.connection.setAutoCommit(false);
		this.transactionId = null;
	}

	@Override
	public void body(Step step, ExecutableRevision revision, boolean inTransaction) throws SQLException {
		StepProgress progress = progress();
		if (!inTransaction) {
			this.connection.setAutoCommit(true);
		}
		if (revision.body() instanceof SqlBody sql) {
			runSqlRetrying(step, sql.statements(step.direction()), inTransaction,
					inTransaction && this.dialect.pipelinesStatementBatches(), progress);
		}
		else {
			if (inTransaction && this.transactionId == null) {
				this.transactionId = this.dialect.transactionId(this.connection);
			}
			progress.transactionId = inTransaction ? this.transactionId : null;
			runJava(step, revision, (JavaBody) revision.body(), progress);
		}
		if (inTransaction) {
			checkTransactionKept(progress);
		}
	}

	/**
	 * Runs the statements; when one times out waiting for a lock (SQLState 55P03), rolls
	 * the revision back (a non-transactional one keeps what ran) and runs it again (a
	 * non-transactional one from the failing statement) after a backoff with full jitter,
	 * until the retry budget is spent.
	 */
	private void runSqlRetrying(Step step, StatementSource statements, boolean inTransaction, boolean batched,
			StepProgress progress) throws SQLException {
		LockTimeoutRetry retry = null;
		while (true) {
			try {
				runSql(statements, inTransaction, batched, progress, inTransaction ? 0 : progress.statementsRun);
				return;
			}
			catch (SQLException ex) {
				if (!this.retries || !LockTimeoutRetry.isLockTimeout(ex)) {
					throw ex;
				}
				SqlStatement failed = progress.current;
				if (inTransaction) {
					this.connection.rollback();
					progress.statementsRun = 0;
				}
				if (retry == null) {
					retry = new LockTimeoutRetry(this.connection, this.ddl, this.listeners);
				}
				retry.waitOrFail(step, progress.revision.source(), failed, ex, inTransaction,
						inTransaction ? "rolled back" : "the statements before it stay (autocommit)");
			}
		}
	}

	/**
	 * Runs the statements after the first {@code skip}. In a transaction the first
	 * statement whose lock blocks traffic is preceded by {@code SET LOCAL lock_timeout}
	 * (sent in the same batch: no round trip), which then holds for the rest of the
	 * transaction, since every later lock wait prolongs the blocking lock already held;
	 * in autocommit each such statement runs between {@code SET lock_timeout} and
	 * {@code RESET lock_timeout}. {@code CONCURRENTLY} statements never get it.
	 */
	private void runSql(StatementSource statements, boolean inTransaction, boolean batched, StepProgress progress,
			int skip) throws SQLException {
		boolean setsLockTimeout = this.ddl.setsLockTimeout();
		Duration statementTimeout = this.ddl.statementTimeout();
		try (Statement statement = this.connection.createStatement()) {
			if (batched) {
				StatementBatch batch = new StatementBatch(statement);
				boolean[] lockTimeoutSet = { false };
				try {
					String setting = this.dialect.transactionSetting(this.connection);
					if (setting != null) {
						batch.add(new SqlStatement(setting, 0));
					}
					if (statementTimeout != null) {
						batch.add(new SqlStatement("SET LOCAL statement_timeout = " + statementTimeout.toMillis(), 0));
					}
					statements.forEach(this.dialect.sqlSyntax(), (each) -> {
						if (setsLockTimeout && !lockTimeoutSet[0] && StatementRecognizer.blocksTraffic(each.sql())) {
							batch.add(new SqlStatement("SET LOCAL lock_timeout = " + this.ddl.lockTimeoutSetting(),
									each.line()));
							lockTimeoutSet[0] = true;
						}
						batch.add(each);
					});
					batch.flush();
				}
				finally {
					progress.current = batch.failed();
					progress.statementsRun = batch.executed();
				}
			}
			else {
				if (statementTimeout != null) {
					statement.execute((inTransaction ? "SET LOCAL" : "SET") + " statement_timeout = "
							+ statementTimeout.toMillis());
				}
				boolean track = !this.dialect.transactionalDdl() && progress.revision.transactional();
				try {
					int[] index = { 0 };
					boolean[] lockTimeoutSet = { false };
					statements.forEach(this.dialect.sqlSyntax(), (each) -> {
						if (index[0]++ < skip) {
							return;
						}
						progress.current = each;
						boolean blocking = setsLockTimeout && StatementRecognizer.blocksTraffic(each.sql());
						if (blocking && inTransaction && !lockTimeoutSet[0]) {
							statement.execute("SET LOCAL lock_timeout = " + this.ddl.lockTimeoutSetting());
							lockTimeoutSet[0] = true;
						}
						if (blocking && !inTransaction) {
							statement.execute("SET lock_timeout = " + this.ddl.lockTimeoutSetting());
							try {
								statement.execute(each.sql());
							}
							finally {
								resetAfterFailure(statement, "RESET lock_timeout");
							}
						}
						else {
							statement.execute(each.sql());
						}
						progress.statementsRun++;
						if (track) {
							progress.ran(each, this.dialect.commitsImplicitly(each.sql()));
						}
					});
				}
				finally {
					if (statementTimeout != null && !inTransaction) {
						resetAfterFailure(statement, "RESET statement_timeout");
					}
				}
			}
		}
		progress.current = null;
	}

	/**
	 * Runs a reset in autocommit; a failure of it is logged, never hides the statement's.
	 */
	private static void resetAfterFailure(Statement statement, String reset) {
		try {
			statement.execute(reset);
		}
		catch (SQLException ex) {
			logger.warn("Could not {} on the work connection: {}", reset, ex.getMessage());
		}
	}

	private void runJava(Step step, ExecutableRevision revision, JavaBody java, StepProgress progress)
			throws SQLException {
		Context context = new Context(RevisionConnection.of(this.connection, revision.id(), revision.transactional()),
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
			throw new CheckedRevisionFailure(ex);
		}
	}

	/**
	 * Fails when a transactional revision ended the transaction it was given: its
	 * statements then did not run as one transaction, and some were committed. Only a
	 * Java revision is given a transaction id to compare: a SQL revision cannot end its
	 * transaction, since the loader refuses its transaction control statements and a
	 * procedure or {@code DO} block cannot commit inside a transaction block.
	 */
	private void checkTransactionKept(StepProgress progress) throws SQLException {
		if (this.connection.getAutoCommit() || (progress.transactionId != null
				&& !progress.transactionId.equals(this.dialect.transactionId(this.connection)))) {
			progress.transactionEnded = true;
			throw new TransactionEndedException();
		}
	}

	@Override
	public @Nullable Instant startedAt() {
		return progress().startedAt;
	}

	@Override
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - progress().start);
	}

	@Override
	public void state(List<String> statements) throws SQLException {
		progress().writingState = true;
		batch(statements);
	}

	@Override
	public void commit() throws SQLException {
		this.connection.commit();
	}

	@Override
	public void stepFinished(Step step, Duration duration) {
		this.finished.add(new StepResult(step, duration));
		this.listeners.revisionFinished(step, duration);
	}

	private StepProgress progress() {
		if (this.current == null) {
			throw new IllegalStateException("No step has started");
		}
		return this.current;
	}

	private void batch(List<String> sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String each : sql) {
				statement.addBatch(each);
			}
			statement.executeBatch();
		}
	}

	/** How far one step got. */
	static final class StepProgress {

		private static final int MAX_LISTED = 10;

		private static final int MAX_TRACKED = 1000;

		final Step step;

		final ExecutableRevision revision;

		final Instant startedAt = Instant.now();

		final long start = System.nanoTime();

		/** The statement running or failed; {@code null} between statements. */
		@Nullable SqlStatement current;

		/** Statements run; -1 for a Java revision (unknown). */
		int statementsRun;

		boolean marked;

		boolean writingState;

		/** The revision's transaction, where the dialect tells. */
		@Nullable Long transactionId;

		/** Whether the revision ended the transaction it was given. */
		boolean transactionEnded;

		/**
		 * Whether a statement that ran committed the transaction implicitly (DDL on a
		 * database without transactional DDL).
		 */
		boolean committedImplicitly;

		/**
		 * The statements run, where tracked, as {@code line N (LEADING WORDS)}, with
		 * whether each committed implicitly; up to {@link #MAX_TRACKED}.
		 */
		final List<String> ran = new ArrayList<>();

		final List<Boolean> ranCommits = new ArrayList<>();

		/** Statements run beyond those in {@link #ran}. */
		int moreRan;

		void ran(SqlStatement statement, boolean commits) {
			this.committedImplicitly |= commits;
			if (this.ran.size() < MAX_TRACKED) {
				this.ran.add("line " + statement.line() + " (" + leadingWords(statement.sql()) + ")");
				this.ranCommits.add(commits);
			}
			else {
				this.moreRan++;
			}
		}

		/**
		 * What ran before the failed statement: the statements committed (up to the last
		 * that committed implicitly, or all of them when the failed statement itself
		 * commits implicitly, as DDL commits before it runs) and those rolled back.
		 */
		String ranBefore(String type, boolean failedCommits) {
			int committed = failedCommits ? this.ran.size() : this.ranCommits.lastIndexOf(Boolean.TRUE) + 1;
			StringBuilder text = new StringBuilder("; ").append(type)
				.append(" commits DDL implicitly, so what ran before it remains: ")
				.append(list(this.ran.subList(0, committed), failedCommits ? this.moreRan : 0));
			if (committed < this.ran.size()) {
				text.append("; rolled back: ").append(list(this.ran.subList(committed, this.ran.size()), this.moreRan));
			}
			return text.toString();
		}

		private static String list(List<String> statements, int more) {
			List<String> shown = (statements.size() > MAX_LISTED)
					? statements.subList(statements.size() - MAX_LISTED, statements.size()) : statements;
			int hidden = statements.size() - shown.size() + more;
			return ((hidden > 0) ? hidden + " statements, then " : "") + String.join(", ", shown);
		}

		private static String leadingWords(String sql) {
			String[] words = sql.strip().split("\\s+", 4);
			String text = String.join(" ", Arrays.asList(words).subList(0, Math.min(3, words.length)));
			return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
		}

		StepProgress(Step step, ExecutableRevision revision) {
			this.step = step;
			this.revision = revision;
		}

	}

	/** A transactional revision ended the transaction it runs in. */
	static final class TransactionEndedException extends RuntimeException {

		static final String TRANSACTION_ENDERS = "a COMMIT or ROLLBACK, or autocommit switched on";

		TransactionEndedException() {
			super("the revision ended the transaction it runs in (" + TRANSACTION_ENDERS
					+ "), so its statements did not run as one transaction and some of them were committed");
		}

	}

	/** Carries a checked exception of a Java revision out of the sink. */
	static final class CheckedRevisionFailure extends RuntimeException {

		CheckedRevisionFailure(Exception cause) {
			super(cause);
		}

	}

	private record Context(Connection connection, String revisionId, Direction direction) implements RevisionContext {

	}

}
