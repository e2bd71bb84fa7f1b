package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.RevisionContext;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.StepResult;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.dialect.PostgresDialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.dialect.MigrationLock;
import dev.migrations.core.internal.dialect.PostgresAdvisoryLock;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateStatements;
import dev.migrations.core.internal.state.StateTables;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@PostgresDatabase
class RunExecutorPostgresTests {

	private static final TableNames NAMES = new TableNames(null, "migrations_applied", "migrations_history");

	private final Dialect dialect = new PostgresDialect();

	private final List<String> events = new ArrayList<>();

	private TestDatabase database;

	private Database db;

	@BeforeEach
	void cleanDatabase(TestDatabase database) throws SQLException {
		this.database = database;
		this.db = new Database(database.dataSource());
		this.db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
		try (Connection connection = database.connect()) {
			new StateTables(this.dialect, NAMES).create(connection);
		}
	}

	private RunExecutor executor(TransactionMode mode) {
		MigrationListener listener = new MigrationListener() {

			@Override
			public void revisionStarted(Step step) {
				RunExecutorPostgresTests.this.events.add("started " + step.revision().id());
			}

			@Override
			public void revisionFinished(Step step, Duration duration) {
				RunExecutorPostgresTests.this.events.add("finished " + step.revision().id());
			}

			@Override
			public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
				RunExecutorPostgresTests.this.events.add("failed " + step.revision().id() + " at " + error.line());
			}

		};
		return new RunExecutor(this.dialect, new StateStatements(this.dialect, NAMES, "test-host"),
				new Listeners(List.of(listener)), mode);
	}

	private List<StepResult> run(TransactionMode mode, TestRevisions revisions, dev.migrations.core.graph.Plan plan,
			AppliedSet applied) throws SQLException {
		List<StepResult> completed = new ArrayList<>();
		try (Connection connection = this.database.connect()) {
			executor(mode).execute(connection, plan, revisions.revisions(), applied, completed);
		}
		return completed;
	}

	private static AppliedSet none() {
		return new AppliedSet(Map.of());
	}

	private static TestRevisions twoRevisions() {
		return new TestRevisions().sql("a1", "", "CREATE TABLE users (id INT PRIMARY KEY);", "DROP TABLE users;")
			.sql("b2", "a1", "CREATE TABLE tasks (id INT PRIMARY KEY);\nINSERT INTO tasks VALUES (1);",
					"DROP TABLE tasks;");
	}

	@Test
	void eachRevisionCommitsItsStatementsWithItsAppliedAndHistoryRows() throws SQLException {
		TestRevisions revisions = twoRevisions();
		AppliedSet applied = none();

		List<StepResult> completed = run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2"),
				applied);

		assertThat(completed).extracting((result) -> result.step().revision().id()).containsExactly("a1", "b2");
		assertThat(applied.heads()).containsExactly("b2");
		assertThat(this.db.column("SELECT id FROM tasks")).containsExactly(1);
		List<Map<String, Object>> rows = this.db.rows("SELECT revision, down_revisions, message, checksum, status, "
				+ "applied_by FROM migrations_applied ORDER BY revision");
		assertThat(rows).containsExactly(
				Map.of("revision", "a1", "down_revisions", "", "message", "message of a1", "checksum", "sum-a1",
						"status", "APPLIED", "applied_by", this.database.user()),
				Map.of("revision", "b2", "down_revisions", "a1", "message", "message of b2", "checksum", "sum-b2",
						"status", "APPLIED", "applied_by", this.database.user()));
		List<Map<String, Object>> history = this.db.rows("SELECT operation, revision, from_heads, to_heads, "
				+ "checksum, success, error_message, db_user, host FROM migrations_history ORDER BY id");
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).contains(entry("operation", "upgrade"), entry("revision", "a1"),
				entry("from_heads", ""), entry("to_heads", "a1"), entry("checksum", "sum-a1"), entry("success", true),
				entry("db_user", this.database.user()), entry("host", "test-host"));
		assertThat(history.get(1)).contains(entry("revision", "b2"), entry("from_heads", "a1"), entry("to_heads", "b2"),
				entry("success", true));
		assertThat(this.events).containsExactly("started a1", "finished a1", "started b2", "finished b2");
	}

	@Test
	void aFailingStatementRollsBackItsRevisionOnlyAndTheAttemptIsLogged() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2",
				"CREATE TABLE comments (id INT);\n\nINSERT INTO missing_table VALUES (1);", "DROP TABLE comments;");
		AppliedSet applied = none();
		List<StepResult> completed = new ArrayList<>();

		RevisionFailedException failure = catchFailure(() -> {
			try (Connection connection = this.database.connect()) {
				executor(TransactionMode.PER_REVISION).execute(connection, revisions.upgrade("a1", "b2", "c3"),
						revisions.revisions(), applied, completed);
			}
		});

		assertThat(failure.revision()).isEqualTo("c3");
		assertThat(failure.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(failure.source()).isEqualTo("db/revisions/c3.sql");
		assertThat(failure.line()).isEqualTo(12);
		assertThat(failure.sqlState()).isEqualTo("42P01");
		assertThat(failure.recordedFailed()).isFalse();
		assertThat(failure.getMessage()).isEqualTo("Upgrade of revision c3 failed in db/revisions/c3.sql at line 12 "
				+ "(SQLState 42P01): ERROR: relation \"missing_table\" does not exist. "
				+ "Nothing of it remains (rolled back); revisions before it stay applied.");
		assertThat(completed).hasSize(2);
		assertThat(applied.heads()).containsExactly("b2");
		assertThat(this.db.tableExists("comments")).isFalse();
		assertThat(this.db.tableExists("tasks")).isTrue();
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("a1",
				"b2");
		List<Map<String, Object>> history = this.db
			.rows("SELECT revision, from_heads, to_heads, success, error_message FROM migrations_history ORDER BY id");
		assertThat(history).hasSize(3);
		assertThat(history.get(2)).contains(entry("revision", "c3"), entry("from_heads", "b2"), entry("to_heads", "b2"),
				entry("success", false), entry("error_message", failure.getMessage()));
		assertThat(this.events).endsWith("started c3", "failed c3 at 12");
	}

	@Test
	void aFailureDeepInARevisionOfManyBatchesNamesItsLineAndRollsBackEveryBatch() throws SQLException {
		StringBuilder upgrade = new StringBuilder("CREATE TABLE many (id INT PRIMARY KEY);\n");
		for (int i = 1; i <= 3 * StatementBatch.MAX_STATEMENTS; i++) {
			upgrade.append((i == 150) ? "INSERT INTO many VALUES (1);\n" : "INSERT INTO many VALUES (" + i + ");\n");
		}
		upgrade.append("SELECT count(*) FROM many;\n");
		TestRevisions revisions = twoRevisions().sql("c3", "b2", upgrade.toString(), "DROP TABLE many;");

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none()));

		assertThat(failure.line()).as("statement 151, on line 10 + 150").isEqualTo(160);
		assertThat(failure.sqlState()).isEqualTo("23505");
		assertThat(failure.getMessage()).startsWith("Upgrade of revision c3 failed in db/revisions/c3.sql at line 160 "
				+ "(SQLState 23505): ERROR: duplicate key value violates unique constraint \"many_pkey\"");
		assertThat(this.db.tableExists("many")).isFalse();
		assertThat(this.events).endsWith("started c3", "failed c3 at 160");
	}

	@Test
	void statementsReturningRowsRunInTheBatchesToo() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2",
				"CREATE SEQUENCE s;\nSELECT setval('s', 41);\n"
						+ "SELECT * FROM generate_series(1, 3);\nCREATE TABLE seen AS SELECT nextval('s') AS n;",
				"DROP TABLE seen;\nDROP SEQUENCE s;");

		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none());

		assertThat(this.db.column("SELECT n FROM seen")).containsExactly(42L);
	}

	@Test
	void aFailedNonTransactionalRevisionIsRecordedFailed() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2",
				"CREATE INDEX CONCURRENTLY ix_tasks_id ON tasks (id);\nCREATE INDEX CONCURRENTLY ix_x ON nope (id);",
				"DROP INDEX ix_tasks_id;", false);

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none()));

		assertThat(failure.recordedFailed()).isTrue();
		assertThat(failure.line()).isEqualTo(11);
		assertThat(failure.getMessage()).contains("recorded as FAILED", "'migrations repair'");
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied ORDER BY revision")).containsExactly(
				Map.of("revision", "a1", "status", "APPLIED"), Map.of("revision", "b2", "status", "APPLIED"),
				Map.of("revision", "c3", "status", "FAILED"));
		assertThat(this.db.column("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_tasks_id'")).hasSize(1);
		assertThat(this.db.column("SELECT success FROM migrations_history WHERE revision = 'c3'"))
			.containsExactly(false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DO $$ BEGIN COMMIT; END $$;",
			"CREATE PROCEDURE committing() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\nCALL committing();" })
	void aSqlRevisionCannotCommitThroughADoBlockOrAProcedure(String commit) throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2", "CREATE TABLE t1 (id INT);\n" + commit,
				"DROP TABLE t1;");

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none()));

		assertThat(failure.sqlState()).isEqualTo("2D000");
		assertThat(failure.getMessage()).contains("ERROR: invalid transaction termination",
				"Nothing of it remains (rolled back)");
		assertThat(failure.recordedFailed()).isFalse();
		assertThat(this.db.tableExists("t1")).isFalse();
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("a1",
				"b2");
	}

	@Test
	void aTransactionalJavaRevisionThatEndedItsTransactionFailsEvenWhenEveryStatementSucceeded() throws SQLException {
		TestRevisions revisions = new TestRevisions().java("j1", "", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE t1 (id INT)");
				statement.execute("COMMIT");
				statement.execute("CREATE TABLE t2 (id INT)");
			}
		});

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1"), none()));

		assertThat(failure.recordedFailed()).isTrue();
		assertThat(failure.line()).isNull();
		assertThat(failure.getMessage()).isEqualTo("Upgrade of revision j1 failed in db/revisions/j1.sql: the "
				+ "revision ended the transaction it runs in (a COMMIT or ROLLBACK, or autocommit switched on), "
				+ "so its statements did not run as one transaction and some of them were committed. Its changes may "
				+ "be partly applied, so it is recorded as FAILED and every run refuses until you fix the database "
				+ "by hand and run 'migrations repair'.");
		assertThat(this.db.tableExists("t1")).isTrue();
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied WHERE revision = 'j1'"))
			.containsExactly(Map.of("revision", "j1", "status", "FAILED"));
	}

	@Test
	void modeAllNoticesAJavaRevisionThatEndedTheRunsTransaction() throws SQLException {
		TestRevisions revisions = twoRevisions().java("c3", "b2", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("COMMIT");
			}
		});

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.ALL, revisions, revisions.upgrade("a1", "b2", "c3"), none()));

		assertThat(failure.revision()).isEqualTo("c3");
		assertThat(failure.recordedFailed()).isTrue();
		assertThat(failure.getMessage()).contains("the revision ended the transaction it runs in");
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied WHERE revision = 'c3'"))
			.containsExactly(Map.of("revision", "c3", "status", "FAILED"));
	}

	@Test
	void aStatementThatCannotRunInATransactionSaysToMarkTheRevisionNonTransactional() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2",
				"CREATE TABLE t1 (id INT);\nCREATE INDEX CONCURRENTLY ix_tasks_id ON tasks (id);", "DROP TABLE t1;");

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none()));

		assertThat(failure.sqlState()).isEqualTo("25001");
		assertThat(failure.recordedFailed()).isFalse();
		assertThat(failure.getMessage()).isEqualTo("Upgrade of revision c3 failed in db/revisions/c3.sql at line 11 "
				+ "(SQLState 25001): ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block; to run "
				+ "it outside a transaction, mark the revision '-- transactional: false' (best in a revision of its "
				+ "own, as a failure then cannot be rolled back). Nothing of it remains (rolled back); revisions "
				+ "before it stay applied.");
		assertThat(this.db.tableExists("t1")).isFalse();
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("a1",
				"b2");
	}

	@Test
	void aDowngradeRunsTheDowngradeStatementsAndDeletesTheRows() throws SQLException {
		TestRevisions revisions = twoRevisions();
		AppliedSet applied = none();
		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2"), applied);

		run(TransactionMode.PER_REVISION, revisions, revisions.downgrade("b2"), applied);

		assertThat(applied.heads()).containsExactly("a1");
		assertThat(this.db.tableExists("tasks")).isFalse();
		assertThat(this.db.column("SELECT revision FROM migrations_applied")).containsExactly("a1");
		assertThat(this.db.rows("SELECT operation, revision, from_heads, to_heads FROM migrations_history "
				+ "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY"))
			.containsExactly(Map.of("operation", "downgrade", "revision", "b2", "from_heads", "b2", "to_heads", "a1"));
	}

	@Test
	void modeAllRollsBackTheWholeRunOnAFailure() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2", "SELECT 1/0;", "");
		AppliedSet applied = none();

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.ALL, revisions, revisions.upgrade("a1", "b2", "c3"), applied));

		assertThat(failure.sqlState()).isEqualTo("22012");
		assertThat(applied.heads()).isEmpty();
		assertThat(this.db.tableExists("users")).isFalse();
		assertThat(this.db.column("SELECT count(*) FROM migrations_applied")).containsExactly(0L);
		assertThat(this.db.rows("SELECT revision, success FROM migrations_history"))
			.containsExactly(Map.of("revision", "c3", "success", false));
	}

	@Test
	void modeAllCommitsEverythingAtTheEnd() throws SQLException {
		TestRevisions revisions = twoRevisions();

		List<StepResult> completed = run(TransactionMode.ALL, revisions, revisions.upgrade("a1", "b2"), none());

		assertThat(completed).hasSize(2);
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("a1",
				"b2");
		assertThat(this.db.column("SELECT count(*) FROM migrations_history WHERE success")).containsExactly(2L);
	}

	@Test
	void modeAllRefusesANonTransactionalRevisionBeforeRunningAnything() {
		TestRevisions revisions = twoRevisions().sql("c3", "b2", "CREATE INDEX CONCURRENTLY ix ON tasks (id);", "",
				false);

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> run(TransactionMode.ALL, revisions, revisions.upgrade("a1", "b2", "c3"), none()))
			.withMessageContaining("revision c3 (db/revisions/c3.sql) is 'transactional: false'");
		assertThat(this.db.tableExists("users")).isFalse();
	}

	@Test
	void aJavaRevisionRunsOnTheRevisionsConnectionAndTransaction() throws SQLException {
		List<String> seen = new ArrayList<>();
		TestRevisions revisions = new TestRevisions().java("j1", "", (RevisionContext context) -> {
			seen.add(context.revisionId() + " " + context.direction() + " " + context.connection().getAutoCommit());
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE from_java (id INT)");
			}
		}).java("j2", "j1", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE half_done (id INT)");
			}
			throw new IllegalStateException("Java revision broke");
		});

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1", "j2"), none()));

		assertThat(seen).containsExactly("j1 UPGRADE false");
		assertThat(failure.line()).isNull();
		assertThat(failure.sqlState()).isNull();
		assertThat(failure.databaseMessage()).isEqualTo("java.lang.IllegalStateException: Java revision broke");
		assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
		assertThat(this.db.tableExists("from_java")).isTrue();
		assertThat(this.db.tableExists("half_done")).isFalse();
		assertThat(this.db.column("SELECT revision FROM migrations_applied")).containsExactly("j1");
	}

	@Test
	void aJavaRevisionCannotCommitTheTransactionItRunsIn() throws SQLException {
		TestRevisions revisions = new TestRevisions().java("j1", "", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE jt (id INT)");
				context.connection().commit();
				statement.execute("SELECT 1/0");
			}
		});

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1"), none()));

		assertThat(failure.recordedFailed()).isFalse();
		assertThat(failure.sqlState()).isEqualTo("25000");
		assertThat(failure.getMessage()).isEqualTo("Upgrade of revision j1 failed in db/revisions/j1.sql (SQLState "
				+ "25000): Java revision j1 may not call commit() on its connection: the revision runs in a "
				+ "transaction that Migrations commits with its state rows (and rolls back whole when it fails); use "
				+ "a savepoint to undo part of it, or mark the revision @Revision(transactional = false) to manage "
				+ "transactions itself. Nothing of it remains (rolled back); revisions before it stay applied.");
		assertThat(this.db.tableExists("jt")).isFalse();
		assertThat(this.db.column("SELECT count(*) FROM migrations_applied")).containsExactly(0L);
	}

	@Test
	void aJavaRevisionCannotChangeTheTransactionOrCloseTheConnection() throws SQLException {
		List<String> refused = new ArrayList<>();
		TestRevisions revisions = new TestRevisions().java("j1", "", (context) -> {
			Connection connection = context.connection();
			List<ThrowingRunnable> calls = List.of(() -> connection.setAutoCommit(true), connection::rollback,
					() -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE),
					() -> connection.setReadOnly(true), connection::close, () -> connection.abort(Runnable::run));
			for (ThrowingRunnable call : calls) {
				try {
					call.run();
				}
				catch (SQLException ex) {
					refused.add(ex.getMessage().replaceAll(" on its connection: .*", ""));
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept (id INT)");
				java.sql.Savepoint savepoint = connection.setSavepoint();
				statement.execute("CREATE TABLE undone (id INT)");
				connection.rollback(savepoint);
			}
			assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
			assertThat(connection.isWrapperFor(org.postgresql.PGConnection.class)).isTrue();
			assertThat(connection.unwrap(org.postgresql.PGConnection.class).getBackendPID()).isPositive();
			assertThat(connection.getAutoCommit()).isFalse();
			assertThat(connection.isClosed()).isFalse();
		});

		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1"), none());

		assertThat(refused).containsExactly("Java revision j1 may not call setAutoCommit()",
				"Java revision j1 may not call rollback()", "Java revision j1 may not call setTransactionIsolation()",
				"Java revision j1 may not call setReadOnly()", "Java revision j1 may not call close()",
				"Java revision j1 may not call abort()");
		assertThat(this.db.tableExists("kept")).isTrue();
		assertThat(this.db.tableExists("undone")).isFalse();
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied"))
			.containsExactly(Map.of("revision", "j1", "status", "APPLIED"));
	}

	@Test
	void aJavaRevisionThatCommitsThroughSqlIsRecordedFailed() throws SQLException {
		TestRevisions revisions = new TestRevisions().java("j1", "", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE jt (id INT)");
				statement.execute("COMMIT");
				statement.execute("SELECT 1/0");
			}
		});

		RevisionFailedException failure = catchFailure(
				() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1"), none()));

		assertThat(failure.recordedFailed()).isTrue();
		assertThat(failure.getMessage()).contains(
				"ERROR: division by zero; before that the revision had ended its " + "transaction",
				"recorded as FAILED");
		assertThat(this.db.tableExists("jt")).isTrue();
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied"))
			.containsExactly(Map.of("revision", "j1", "status", "FAILED"));
	}

	@Test
	void createIndexConcurrentlyDoesNotHangWhileTheMigrationLockIsHeld() throws SQLException {
		TestRevisions revisions = twoRevisions().sql("c3", "b2", "CREATE INDEX CONCURRENTLY ix_tasks ON tasks (id);",
				"DROP INDEX CONCURRENTLY ix_tasks;", false);
		MigrationLock lock = new PostgresAdvisoryLock(NAMES);

		try (MigrationLock.Held held = lock.acquire(this.database.dataSource(), Duration.ofSeconds(5),
				(holder, waited) -> {
				})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			assertTimeoutPreemptively(Duration.ofSeconds(60),
					() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1", "b2", "c3"), none()));
		}

		assertThat(this.db.column("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
				+ "WHERE c.relname = 'ix_tasks'"))
			.containsExactly(true);
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = 'c3'"))
			.containsExactly("APPLIED");
	}

	@Test
	void stateRowsKeepQuotesAndBackslashesOfMessages() throws SQLException {
		TestRevisions revisions = new TestRevisions();
		revisions.revisions()
			.put("q1", new ExecutableRevision(
					new dev.migrations.core.graph.RevisionNode("q1", List.of(), List.of(), java.util.Set.of(),
							"it's a \\path\\ with 'quotes'; DROP TABLE x; --", "q1.sql", true),
					null, true,
					new ExecutableRevision.SqlBody(TestRevisions.source("SELECT 1;", 1), TestRevisions.source("", 1))));

		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("q1"), none());

		assertThat(this.db.column("SELECT message FROM migrations_applied"))
			.containsExactly("it's a \\path\\ with 'quotes'; DROP TABLE x; --");
	}

	private static RevisionFailedException catchFailure(ThrowingRunnable runnable) {
		try {
			runnable.run();
		}
		catch (RevisionFailedException ex) {
			return ex;
		}
		catch (Exception ex) {
			throw new AssertionError("Expected RevisionFailedException", ex);
		}
		throw new AssertionError("Expected RevisionFailedException, nothing thrown");
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
