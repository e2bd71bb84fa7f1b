package dev.migrations.core;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrations.core.internal.dialect.MigrationLock;
import dev.migrations.core.internal.dialect.PostgresAdvisoryLock;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

@PostgresDatabase
class UpgradeDowngradePostgresTests {

	@TempDir
	Path folder;

	private TestDatabase database;

	private RevisionFiles files;

	private MigratorTestSupport support;

	private Database db;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.database = database;
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.db = this.support.db;
		this.support.resetPostgres();
		this.support.threeRevisions();
	}

	@Test
	void anUpgradeToHeadsRunsEveryRevisionInOrderAndRecordsIt() {
		Migrator migrator = this.support.migrator();

		RunResult result = migrator.upgrade("heads");

		assertThat(result.operation()).isEqualTo(Operation.UPGRADE);
		assertThat(result.steps()).extracting((step) -> step.step().revision().id())
			.containsExactly("001", "002", "003");
		assertThat(result.fromHeads()).isEmpty();
		assertThat(result.toHeads()).containsExactly("003");
		assertThat(this.db.column("SELECT name FROM users")).containsExactly("ann");
		assertThat(this.db.column("SELECT indexname FROM pg_indexes WHERE tablename = 'tasks' ORDER BY 1"))
			.containsExactly("ix_tasks_user", "tasks_pkey");
		Map<String, String> checksums = new java.util.HashMap<>();
		for (RevisionInfo script : migrator.revisions()) {
			checksums.put(script.id(), script.checksum());
		}
		assertThat(this.db.rows("SELECT revision, down_revisions, message, checksum, status, applied_by "
				+ "FROM migrations_applied ORDER BY revision"))
			.containsExactly(
					Map.of("revision", "001", "down_revisions", "", "message", "create users", "checksum",
							checksums.get("001"), "status", "APPLIED", "applied_by", this.database.user()),
					Map.of("revision", "002", "down_revisions", "001", "message", "create tasks", "checksum",
							checksums.get("002"), "status", "APPLIED", "applied_by", this.database.user()),
					Map.of("revision", "003", "down_revisions", "002", "message", "index tasks by user", "checksum",
							checksums.get("003"), "status", "APPLIED", "applied_by", this.database.user()));
		assertThat(this.db
			.rows("SELECT operation, revision, from_heads, to_heads, success " + "FROM migrations_history ORDER BY id"))
			.containsExactly(row("upgrade", "001", "", "001", true), row("upgrade", "002", "001", "002", true),
					row("upgrade", "003", "002", "003", true));
		assertThat(this.support.events).containsExactly("run UPGRADE heads", "start 001", "done 001", "start 002",
				"done 002", "start 003", "done 003", "finished UPGRADE 3");
		assertThat(migrator.currentHeads()).containsExactly("003");
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void anUpToDateDatabaseIsCheckedWithoutQueueingForTheLock() {
		this.support.migrator().upgrade("heads");
		MigrationLock lock = new PostgresAdvisoryLock(new TableNames(null, "migrations_applied", "migrations_history"));

		try (MigrationLock.Held held = lock.acquire(this.database.dataSource(), Duration.ZERO, (holder, waited) -> {
		})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			RunResult result = this.support.migrator((builder) -> builder.lockTimeout(Duration.ZERO)).upgrade("heads");
			assertThat(result.steps()).isEmpty();
			assertThat(result.fromHeads()).containsExactly("003");

			this.files.write("004", "003", "more", "CREATE TABLE more (id INT);", "DROP TABLE more;");
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> this.support.migrator((builder) -> builder.lockTimeout(Duration.ofMillis(600)))
					.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.holder().pid()).isNotNull());
			assertThat(this.support.events).contains("waiting " + this.db.value(
					"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted"));
		}
		assertThat(this.db.tableExists("more")).isFalse();
		assertThat(this.support.migrator().upgrade("heads").steps()).hasSize(1);
	}

	@Test
	void anUpToDateInstanceDoesNotWaitForANewerReleaseRunningARevisionItDoesNotKnow() {
		this.support.migrator().upgrade("heads");
		this.db.execute("INSERT INTO migrations_applied VALUES ('999', '003', 'newer release', 'x', 'RUNNING', "
				+ "now(), current_user, 0)");
		MigrationLock lock = new PostgresAdvisoryLock(new TableNames(null, "migrations_applied", "migrations_history"));

		try (MigrationLock.Held held = lock.acquire(this.database.dataSource(), Duration.ZERO, (holder, waited) -> {
		})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			Migrator old = this.support.migrator((builder) -> builder.lockTimeout(Duration.ofMillis(600)));
			long start = System.nanoTime();

			RunResult result = old.upgrade("heads");

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
			assertThat(result.steps()).isEmpty();
			assertThat(result.fromHeads()).containsExactly("003");
			assertThat(this.support.events).noneMatch((event) -> event.startsWith("waiting"));
			assertThat(old.status().state()).isEqualTo(MigrationState.AHEAD);
			assertThat(old.status().revisions()).filteredOn((revision) -> revision.id().equals("999"))
				.extracting(RevisionStatus::state)
				.containsExactly(RevisionState.RUNNING);
		}
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied WHERE revision = '999'"))
			.containsExactly(Map.of("revision", "999", "status", "RUNNING"));
	}

	@Test
	void theUpToDatePathOpensOneConnectionAndRunsTwoQueries() {
		this.support.migrator().upgrade("heads");
		CountingDataSource counting = new CountingDataSource(this.database.dataSource());

		RunResult result = this.support.migrator((builder) -> builder.dataSource(counting)).upgrade("heads");

		assertThat(result.steps()).isEmpty();
		assertThat(counting.connections).hasValue(1);
		assertThat(counting.executed).hasSize(2);
		assertThat(counting.executed.get(0)).contains("to_regclass");
		assertThat(counting.executed.get(1)).startsWith("SELECT revision, down_revisions");
	}

	@Test
	void eachRevisionCostsABatchOfItsStatementsABatchOfStateRowsAndTheCommit() {
		CountingDataSource counting = new CountingDataSource(this.database.dataSource());

		this.support.migrator((builder) -> builder.dataSource(counting)).upgrade("heads");

		assertThat(counting.connections).as("the work and the lock connection").hasValue(2);
		List<String> run = counting.executed.subList(7, counting.executed.size() - 1);
		assertThat(run).as("3 revisions, 4 statements in all")
			.containsExactly("batch", "batch", "commit", "batch", "batch", "commit", "batch", "batch", "commit");
		// Before: check the tables, find the schema the lock is keyed on (and keep its
		// session alive), lock, check the tables again and create them (one batch, one
		// commit), read them. After: unlock and reset the lock's session in one round
		// trip. The work connection's setting goes in each revision's batch.
		assertThat(counting.executed.get(6)).as("read under the lock").startsWith("SELECT revision, down_revisions");
		assertThat(counting.executed).hasSize(7 + run.size() + 1);
		assertThat(counting.executed.subList(4, 6)).as("both tables created in one transaction")
			.containsExactly("batch", "commit");
		assertThat(counting.executed.get(counting.executed.size() - 1)).startsWith("SELECT pg_advisory_unlock(")
			.endsWith("; RESET idle_session_timeout");
		assertThat(counting.executed).noneMatch((sql) -> sql.contains("txid_current"));
	}

	@Test
	void upgradingExistingStateTablesByOneRevisionTakesNineRoundTrips() {
		this.support.migrator().upgrade("002");
		CountingDataSource counting = new CountingDataSource(this.database.dataSource());

		this.support.migrator((builder) -> builder.dataSource(counting)).upgrade("heads");

		assertThat(counting.executed).hasSize(9);
		assertThat(counting.executed.subList(0, 5)).satisfiesExactly((sql) -> assertThat(sql).contains("to_regclass"),
				(sql) -> assertThat(sql).startsWith("SELECT revision, down_revisions"),
				(sql) -> assertThat(sql).contains("current_schema()"),
				(sql) -> assertThat(sql).contains("pg_try_advisory_lock"),
				(sql) -> assertThat(sql).as("read again under the lock").startsWith("SELECT revision, down_revisions"));
		assertThat(counting.executed.subList(5, 9)).satisfiesExactly((sql) -> assertThat(sql).isEqualTo("batch"),
				(sql) -> assertThat(sql).isEqualTo("batch"), (sql) -> assertThat(sql).isEqualTo("commit"),
				(sql) -> assertThat(sql).startsWith("SELECT pg_advisory_unlock("));
	}

	@Test
	void aTransactionalRevisionRunsWithTheClientCheckSetInItsTransactionAndANonTransactionalOneInTheSession() {
		this.files.write("004", "003", "transactional",
				"CREATE TABLE seen AS SELECT current_setting('client_connection_check_interval') AS tx;",
				"DROP TABLE seen;");
		this.files.write("005", "004", "autocommit",
				"ALTER TABLE seen ADD COLUMN auto text DEFAULT current_setting('client_connection_check_interval');",
				"ALTER TABLE seen DROP COLUMN auto;", false);

		this.support.migrator().upgrade("004");
		assertThat(this.db.column("SELECT tx FROM seen")).containsExactly("1s");
		this.support.migrator().upgrade("heads");

		assertThat(this.db.column("SELECT auto FROM seen")).containsExactly("1s");
	}

	@Test
	void aRevisionAnotherRunMadePendingBeforeTheLockIsCheckedBeforeAnythingRuns() {
		this.support.migrator().upgrade("heads");
		this.files.write("004", "003", "fourth", "CREATE TABLE fourth (id INT);", "DROP TABLE fourth;");
		DataSource plain = this.database.dataSource();
		AtomicInteger connections = new AtomicInteger();
		DataSource racing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection") && connections.incrementAndGet() == 2) {
						// the lock's connection: meanwhile another run takes 003 down,
						// and its
						// file is broken since
						this.support.migrator().downgrade("002");
						this.files.write("003", "002", "index tasks by user", "SELECT 'open;", "");
					}
					return method.invoke(plain, args);
				});
		Migrator migrator = this.support.migrator((builder) -> builder.dataSource(racing));

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("003.sql:")
			.withMessageContaining("unterminated string");
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY 1")).containsExactly("001", "002");
		assertThat(this.db.column("SELECT count(*) FROM migrations_history WHERE NOT success")).containsExactly(0L);
		assertThat(this.db.tableExists("fourth")).isFalse();
	}

	@Test
	void upgradesGoToATargetAndDowngradesBackStepByStepAndToBase() {
		Migrator migrator = this.support.migrator();

		assertThat(ids(migrator.upgrade("002"))).containsExactly("001", "002");
		assertThat(ids(migrator.upgrade("+1"))).containsExactly("003");
		RunResult oneBack = migrator.downgrade("-1");

		assertThat(ids(oneBack)).containsExactly("003");
		assertThat(oneBack.toHeads()).containsExactly("002");
		assertThat(this.db.column("SELECT indexname FROM pg_indexes WHERE tablename = 'tasks'"))
			.containsExactly("tasks_pkey");
		assertThat(ids(migrator.downgrade("base"))).containsExactly("002", "001");
		assertThat(this.db.tableExists("users")).isFalse();
		assertThat(this.db.column("SELECT count(*) FROM migrations_applied")).containsExactly(0L);
		assertThat(this.db.rows("SELECT operation, revision, from_heads, to_heads, success FROM migrations_history "
				+ "WHERE operation = 'downgrade' ORDER BY id"))
			.containsExactly(row("downgrade", "003", "003", "002", true), row("downgrade", "002", "002", "001", true),
					row("downgrade", "001", "001", "", true));
		assertThat(migrator.currentHeads()).isEmpty();
	}

	@Test
	void aFailingStatementNamesFileLineAndSqlStateAndEarlierRevisionsStayApplied() {
		Path file = this.files.write("002", "001", "create tasks",
				"CREATE TABLE tasks (id INT PRIMARY KEY);\nINSERT INTO tasks VALUES (1);\nINSERT INTO no_such_table VALUES (1);",
				"DROP TABLE tasks;");
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.revision()).isEqualTo("002");
				assertThat(ex.source()).endsWith("002.sql");
				assertThat(ex.line()).isEqualTo(9);
				assertThat(ex.sqlState()).isEqualTo("42P01");
				assertThat(ex.recordedFailed()).isFalse();
				assertThat(ex.getMessage()).isEqualTo("Upgrade of revision 002 failed in " + ex.source()
						+ " at line 9 (SQLState 42P01): ERROR: relation \"no_such_table\" does not exist. "
						+ "Nothing of it remains (rolled back); revisions before it stay applied.");
			});

		assertThat(file).exists();
		assertThat(this.db.tableExists("users")).isTrue();
		assertThat(this.db.tableExists("tasks")).isFalse();
		assertThat(this.db.column("SELECT revision FROM migrations_applied")).containsExactly("001");
		assertThat(this.db.rows("SELECT revision, success FROM migrations_history ORDER BY id"))
			.containsExactly(Map.of("revision", "001", "success", true), Map.of("revision", "002", "success", false));
		assertThat(this.db.value("SELECT error_message FROM migrations_history WHERE NOT success").toString())
			.contains("line 9", "42P01", "no_such_table");
		assertThat(this.support.events).contains("failed 002", "finished UPGRADE 1 RevisionFailedException");
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.PENDING);
		assertThat(status.pending()).containsExactly("002", "003");

		this.files.write("002", "001", "create tasks", "CREATE TABLE tasks (id INT PRIMARY KEY, user_id INT);",
				"DROP TABLE tasks;");
		assertThat(ids(this.support.migrator().upgrade("heads"))).containsExactly("002", "003");
	}

	@Test
	void aFailedNonTransactionalRevisionBlocksEveryRunUntilRepaired() {
		this.files.write("004", "003", "concurrent index",
				"CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\nCREATE INDEX CONCURRENTLY ix_bad ON nowhere (x);",
				"DROP INDEX ix_users_name;", false);
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isTrue());
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly(Map.of("revision", "004", "status", "FAILED"));
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.FAILED);
		assertThat(status.revision("004").orElseThrow().state()).isEqualTo(RevisionState.FAILED);

		assertThatExceptionOfType(FailedRevisionsException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Revision(s) recorded as FAILED by an earlier run: 004 (")
			.withMessageContaining("004.sql")
			.withMessageContaining("'migrations repair'")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("004"));
		assertThatExceptionOfType(FailedRevisionsException.class).isThrownBy(() -> migrator.downgrade("-1"));

		this.db.execute("DROP INDEX ix_users_name");
		this.files.write("004", "003", "concurrent index", "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);",
				"DROP INDEX ix_users_name;", false);
		Migrator fixed = this.support.migrator();
		RepairResult repair = fixed.repair(false);

		assertThat(repair.clearedFailures()).containsExactly("004");
		assertThat(this.db
			.rows("SELECT operation, revision, success FROM migrations_history " + "WHERE operation = 'repair'"))
			.containsExactly(Map.of("operation", "repair", "revision", "004", "success", true));
		assertThat(fixed.status().state()).isEqualTo(MigrationState.PENDING);
		assertThat(ids(fixed.upgrade("heads"))).containsExactly("004");
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly("APPLIED");
	}

	@Test
	void anInstanceStartingDuringALongNonTransactionalRevisionWaitsForItInsteadOfFailing() throws Exception {
		this.files.write("004", "003", "slow concurrent index",
				"CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\nSELECT pg_sleep(3);",
				"DROP INDEX ix_users_name;", false);
		Migrator first = this.support.migrator();
		java.util.concurrent.CompletableFuture<RunResult> firstRun = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> first.upgrade("heads"));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!this.db.tableExists("migrations_applied")
				|| this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'").isEmpty()) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.sleep(20);
		}
		Migrator second = this.support.migrator((builder) -> builder.lockTimeout(Duration.ofSeconds(30)));

		MigrationStatus during = second.status();
		RunResult secondRun = second.upgrade("heads");

		assertThat(during.state()).isEqualTo(MigrationState.PENDING);
		assertThat(during.revision("004").orElseThrow().state()).isEqualTo(RevisionState.RUNNING);
		assertThat(firstRun.get(30, java.util.concurrent.TimeUnit.SECONDS).steps()).hasSize(4);
		assertThat(secondRun.steps()).isEmpty();
		assertThat(secondRun.fromHeads()).containsExactly("004");
		assertThat(this.support.events).anyMatch((event) -> event.startsWith("waiting "));
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly("APPLIED");
		assertThat(second.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void modeAllRunsTheWholeUpgradeInOneTransaction() {
		this.files.write("003", "002", "broken", "CREATE TABLE third (id INT);\nSELECT 1/0;", "DROP TABLE third;");
		Migrator migrator = this.support.migrator((builder) -> builder.transactionMode(TransactionMode.ALL));

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("003"));

		assertThat(this.db.tableExists("users")).isFalse();
		assertThat(this.db.column("SELECT count(*) FROM migrations_applied")).containsExactly(0L);
		assertThat(this.db.rows("SELECT revision, success FROM migrations_history"))
			.containsExactly(Map.of("revision", "003", "success", false));
	}

	@Test
	void stateTablesGoToTheConfiguredSchemaAndNames() {
		Migrator migrator = this.support
			.migrator((builder) -> builder.schema("Migr_State").versionTable("Applied").historyTable("History"));

		migrator.upgrade("heads");

		assertThat(this.db.column(
				"SELECT table_name FROM information_schema.tables " + "WHERE table_schema = 'Migr_State' ORDER BY 1"))
			.containsExactly("Applied", "History");
		assertThat(this.db.column("SELECT count(*) FROM \"Migr_State\".\"Applied\"")).containsExactly(3L);
		assertThat(migrator.history(2)).extracting(HistoryEntry::revision).containsExactly("003", "002");
		assertThat(this.db.tableExists("migrations_applied")).isFalse();
	}

	@Test
	void aMigrationUserWithItsOwnSchemaNeedsNoRightToCreateSchemas() {
		String role = "mt_owner_" + Long.toHexString(System.nanoTime());
		this.db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'",
				"CREATE SCHEMA \"Migr_State\" AUTHORIZATION " + role, "GRANT ALL ON SCHEMA public TO " + role);
		try {
			org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
			dataSource.setURL(this.database.jdbcUrl());
			dataSource.setUser(role);
			dataSource.setPassword("secret");
			Migrator migrator = this.support.migrator((builder) -> builder.dataSource(dataSource).schema("Migr_State"));

			assertThat(migrator.upgrade("heads").steps()).hasSize(3);

			assertThat(this.db.column("SELECT applied_by FROM \"Migr_State\".migrations_applied")).containsOnly(role);
			assertThat(this.db.column("SELECT has_database_privilege('" + role + "', current_database(), 'CREATE')"))
				.containsExactly(false);
		}
		finally {
			this.db.execute("DROP SCHEMA \"Migr_State\" CASCADE", "DROP OWNED BY " + role, "DROP ROLE " + role);
		}
	}

	@Test
	void historyGivesTheNewestRowsFirst() {
		Migrator migrator = this.support.migrator();
		migrator.upgrade("heads");
		migrator.downgrade("-1");

		List<HistoryEntry> history = migrator.history(2);

		assertThat(history).hasSize(2);
		HistoryEntry newest = history.get(0);
		assertThat(newest.operation()).isEqualTo(Operation.DOWNGRADE);
		assertThat(newest.revision()).isEqualTo("003");
		assertThat(newest.fromHeads()).containsExactly("003");
		assertThat(newest.toHeads()).containsExactly("002");
		assertThat(newest.success()).isTrue();
		assertThat(newest.databaseUser()).isEqualTo(this.database.user());
		assertThat(newest.host()).isNotBlank();
		assertThat(newest.id()).isGreaterThan(history.get(1).id());
		assertThat(history.get(1).operation()).isEqualTo(Operation.UPGRADE);
	}

	@Test
	void javaRevisionsGivenAsInstancesRunInTheirTransaction() {
		Migrator migrator = this.support.migrator((builder) -> builder.javaRevisions(List.of(new AddAdmin())));

		assertThat(ids(migrator.upgrade("heads"))).containsExactly("001", "002", "003", "j004");

		assertThat(this.db.column("SELECT name FROM users ORDER BY id")).containsExactly("ann", "admin");
		assertThat(this.db.rows("SELECT revision, checksum FROM migrations_applied WHERE revision = 'j004'"))
			.containsExactly(Map.of("revision", "j004", "checksum", "v1"));
		assertThat(ids(migrator.downgrade("-1"))).containsExactly("j004");
		assertThat(this.db.column("SELECT name FROM users ORDER BY id")).containsExactly("ann");
	}

	private static List<String> ids(RunResult result) {
		return result.steps().stream().map((step) -> step.step().revision().id()).toList();
	}

	private static Map<String, Object> row(String operation, String revision, String from, String to, boolean success) {
		return Map.ofEntries(entry("operation", operation), entry("revision", revision), entry("from_heads", from),
				entry("to_heads", to), entry("success", success));
	}

	@Revision(id = "j004", downRevision = "003", message = "add the admin user", checksum = "v1")
	static class AddAdmin implements JavaRevision {

		@Override
		public void upgrade(RevisionContext context) throws Exception {
			try (var statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO users VALUES (2, 'admin')");
			}
		}

		@Override
		public void downgrade(RevisionContext context) throws Exception {
			try (var statement = context.connection().createStatement()) {
				statement.execute("DELETE FROM users WHERE id = 2");
			}
		}

	}

}
