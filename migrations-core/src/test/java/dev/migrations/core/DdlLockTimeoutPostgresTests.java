package dev.migrations.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.migrations.core.MigrationListener.BlockingSession;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outage this protects against: one session holds a transaction open on table
 * {@code t}, a revision runs {@code ALTER TABLE t ADD COLUMN}, and the application's
 * queries on {@code t} must not queue behind the waiting ALTER for longer than the lock
 * timeout. The revision is retried until the blocker ends, or fails naming it once the
 * retry budget is spent.
 */
@PostgresDatabase
class DdlLockTimeoutPostgresTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);

	@TempDir
	Path folder;

	private TestDatabase database;

	private RevisionFiles files;

	private MigratorTestSupport support;

	private Database db;

	private final List<String> waits = new CopyOnWriteArrayList<>();

	private Connection blocker;

	@BeforeEach
	void setUp(TestDatabase database) throws SQLException {
		this.database = database;
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.db = this.support.db;
		this.support.resetPostgres();
		this.db.execute("CREATE TABLE t (id int PRIMARY KEY, name text)",
				"INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 100) g");
		this.files.write("001", "", "add a column to t", "ALTER TABLE t ADD COLUMN c int;",
				"ALTER TABLE t DROP COLUMN c;");
		this.blocker = database.connect();
	}

	@AfterEach
	void closeBlocker() throws SQLException {
		this.blocker.close();
	}

	@Test
	void readersNeverWaitLongerThanTheLockTimeoutAndTheRevisionRunsOnceTheBlockerCommits() throws Exception {
		int blockerPid = holdTransactionOnT();
		AtomicLong committedAt = new AtomicLong();
		CompletableFuture<Void> blockerEnds = CompletableFuture.runAsync(() -> {
			sleep(Duration.ofSeconds(10));
			try {
				this.blocker.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			committedAt.set(System.nanoTime());
		});
		AtomicBoolean done = new AtomicBoolean();
		CountDownLatch readerStarted = new CountDownLatch(1);
		CompletableFuture<Long> longestRead = CompletableFuture.supplyAsync(() -> readEvery100ms(done, readerStarted));
		readerStarted.await(10, TimeUnit.SECONDS);

		RunResult result = migrator(Duration.ofSeconds(60)).upgrade("heads");
		long finishedAt = System.nanoTime();
		done.set(true);

		assertThat(result.steps()).hasSize(1);
		assertThat(finishedAt).isGreaterThan(committedAt.get()).isNotZero();
		blockerEnds.get(10, TimeUnit.SECONDS);
		long longest = longestRead.get(10, TimeUnit.SECONDS);
		System.out.println("Longest SELECT on t while the revision waited: " + longest / 1_000_000 + " ms");
		assertThat(Duration.ofNanos(longest)).as("longest wait of the application's SELECT on t")
			.isLessThan(LOCK_TIMEOUT.plusSeconds(1));
		assertThat(this.db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 't' "
				+ "ORDER BY ordinal_position"))
			.containsExactly("id", "name", "c");
		assertThat(this.db.column("SELECT revision || ' ' || status FROM migrations_applied"))
			.containsExactly("001 APPLIED");
		assertThat(this.waits).isNotEmpty().allSatisfy((wait) -> assertThat(wait).startsWith("001 pid " + blockerPid));
	}

	@Test
	void whenTheRetryBudgetIsSpentTheRevisionFailsNamingTheBlockerAndNothingIsRecorded() throws Exception {
		int blockerPid = holdTransactionOnT();

		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> migrator(Duration.ofMillis(1500)).upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.sqlState()).isEqualTo("55P03");
				assertThat(ex.line()).isEqualTo(7);
				assertThat(ex.recordedFailed()).isFalse();
				assertThat(ex.databaseMessage())
					.startsWith("canceling statement due to lock timeout (ddl-lock-timeout "
							+ "500ms), still after retrying for ")
					.contains("ddl-retry-budget 1.5s); blocked by pid " + blockerPid + " (idle in transaction, "
							+ "transaction open for ")
					.contains("query 'SELECT count(*) FROM t')")
					.endsWith("; end or wait out those transactions, or raise ddl-retry-budget");
			});
		this.blocker.commit();

		assertThat(this.db.column("SELECT revision FROM migrations_applied")).isEmpty();
		assertThat(this.db.column("SELECT success FROM migrations_history")).containsExactly(false);
		assertThat(this.db.column("SELECT count(*) FROM information_schema.columns WHERE table_name = 't'"))
			.containsExactly(2L);
		assertThat(this.waits).isNotEmpty();
	}

	@Test
	void aNonTransactionalRevisionIsRetriedFromTheStatementThatTimedOut() throws Exception {
		this.files.write("001", "", "add a column to t", "CREATE TABLE n1 (id int);\nALTER TABLE t ADD COLUMN c int;",
				"", false);
		holdTransactionOnT();
		CompletableFuture<Void> blockerEnds = CompletableFuture.runAsync(() -> {
			sleep(Duration.ofSeconds(2));
			try {
				this.blocker.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), true)) {
			migrator(Duration.ofSeconds(60), pool).upgrade("heads");
			blockerEnds.get(10, TimeUnit.SECONDS);

			assertThat(this.db.tableExists("n1")).isTrue();
			assertThat(this.db.column("SELECT revision || ' ' || status FROM migrations_applied"))
				.containsExactly("001 APPLIED");
			assertThat(this.waits).isNotEmpty();
			assertThat(pool.physical).hasSize(2);
			for (Connection connection : pool.physical) {
				assertThat(setting(connection, "lock_timeout")).as("lock_timeout handed back").isEqualTo("0");
			}
		}
	}

	@Test
	void statementTimeoutLimitsTheStatementsOfRevisionsAndIsResetAfterwards() throws Exception {
		this.files.write("001", "", "slow", "SELECT pg_sleep(5);", "");
		this.files.write("002", "001", "slow outside a transaction", "SELECT pg_sleep(5);", "", false);
		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), true)) {
			assertThatExceptionOfType(RevisionFailedException.class)
				.isThrownBy(() -> this.support
					.migrator((builder) -> builder.dataSource(pool).statementTimeout(Duration.ofMillis(200)))
					.upgrade("001"))
				.withMessageContaining("canceling statement due to statement timeout")
				.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("57014"));
			this.files.write("001", "", "slow", "SELECT 1;", "");
			assertThatExceptionOfType(RevisionFailedException.class)
				.isThrownBy(() -> this.support
					.migrator((builder) -> builder.dataSource(pool).statementTimeout(Duration.ofMillis(200)))
					.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("002"))
				.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("57014"));
			for (Connection connection : pool.physical) {
				assertThat(setting(connection, "statement_timeout")).as("statement_timeout handed back").isEqualTo("0");
			}
		}
		assertThat(this.db.column("SELECT revision || ' ' || status FROM migrations_applied ORDER BY 1"))
			.containsExactly("001 APPLIED", "002 FAILED");
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + name)) {
			result.next();
			return result.getString(1);
		}
	}

	@Test
	void inTransactionModeAllTheWholeRunIsRolledBackAndRetried() throws Exception {
		this.files.write("000", "", "a table first", "CREATE TABLE first_one (id int);", "DROP TABLE first_one;");
		this.files.write("001", "000", "add a column to t", "ALTER TABLE t ADD COLUMN c int;",
				"ALTER TABLE t DROP COLUMN c;");
		holdTransactionOnT();
		CompletableFuture<Void> blockerEnds = CompletableFuture.runAsync(() -> {
			sleep(Duration.ofSeconds(2));
			try {
				this.blocker.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		RunResult result = this.support.migrator((builder) -> builder.transactionMode(TransactionMode.ALL)
			.ddlLockTimeout(LOCK_TIMEOUT)
			.ddlRetryBudget(Duration.ofSeconds(60))
			.listener(new MigrationListener() {

				@Override
				public void ddlLockWaiting(Step step, List<BlockingSession> blockers, int attempt, Duration retryIn) {
					DdlLockTimeoutPostgresTests.this.waits.add(step.revision().id());
				}

			})).upgrade("heads");
		blockerEnds.get(10, TimeUnit.SECONDS);

		assertThat(result.steps()).hasSize(2);
		assertThat(this.waits).isNotEmpty().containsOnly("001");
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY 1")).containsExactly("000", "001");
		assertThat(this.db.tableExists("first_one")).isTrue();
	}

	@Test
	void concurrentlyStatementsAreNotGivenTheShortLockTimeout() throws Exception {
		this.files.write("001", "", "index t", "CREATE INDEX CONCURRENTLY ix_t_name ON t (name);", "", false);
		this.blocker.createStatement().execute("SET application_name = 'blocker'");
		this.blocker.setAutoCommit(false);
		this.blocker.createStatement().execute("SELECT txid_current()");
		CompletableFuture<Void> blockerEnds = CompletableFuture.runAsync(() -> {
			sleep(Duration.ofSeconds(2));
			try {
				this.blocker.commit();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		migrator(Duration.ZERO).upgrade("heads");
		blockerEnds.get(10, TimeUnit.SECONDS);

		assertThat(this.db.column("SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY 1"))
			.containsExactly("ix_t_name", "t_pkey");
		assertThat(this.waits).isEmpty();
	}

	private Migrator migrator(Duration budget) {
		return migrator(budget, this.database.dataSource());
	}

	private Migrator migrator(Duration budget, DataSource dataSource) {
		return this.support.migrator((builder) -> builder.dataSource(dataSource)
			.ddlLockTimeout(LOCK_TIMEOUT)
			.ddlRetryBudget(budget)
			.listener(new MigrationListener() {

				@Override
				public void ddlLockWaiting(Step step, List<BlockingSession> blockers, int attempt, Duration retryIn) {
					DdlLockTimeoutPostgresTests.this.waits.add(step.revision().id() + " "
							+ String.join(", ", blockers.stream().map(BlockingSession::describe).toList()));
				}

			}));
	}

	/** Opens a transaction that reads t (ACCESS SHARE, as any application query). */
	private int holdTransactionOnT() throws SQLException {
		this.blocker.setAutoCommit(false);
		try (Statement statement = this.blocker.createStatement()) {
			statement.execute("SELECT count(*) FROM t");
			try (ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
				result.next();
				int pid = result.getInt(1);
				statement.execute("SELECT count(*) FROM t");
				return pid;
			}
		}
	}

	/**
	 * The application: a SELECT on t every 100 ms; returns the longest one, in
	 * nanoseconds.
	 */
	private long readEvery100ms(AtomicBoolean done, CountDownLatch started) {
		long longest = 0;
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			started.countDown();
			while (!done.get()) {
				long start = System.nanoTime();
				statement.executeQuery("SELECT count(*) FROM t").close();
				longest = Math.max(longest, System.nanoTime() - start);
				sleep(Duration.ofMillis(100));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return longest;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
