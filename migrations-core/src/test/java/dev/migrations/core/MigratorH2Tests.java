package dev.migrations.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.H2Database;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@H2Database
class MigratorH2Tests {

	@TempDir
	Path folder;

	private RevisionFiles files;

	private MigratorTestSupport support;

	private Database db;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.db = this.support.db;
		this.db.execute("DROP ALL OBJECTS");
		this.files.write("001", "", "create accounts", "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50));",
				"DROP TABLE accounts;");
		this.files.write("002", "001", "create orders",
				"CREATE TABLE orders (id INT PRIMARY KEY);\nINSERT INTO accounts VALUES (1, 'ann');",
				"DROP TABLE orders;\nDELETE FROM accounts;");
	}

	@Test
	void upgradesAndDowngradesWithStateRows() {
		Migrator migrator = this.support.migrator();

		assertThat(migrator.upgrade("heads").steps()).hasSize(2);

		assertThat(this.db.column("SELECT name FROM accounts")).containsExactly("ann");
		assertThat(this.db.rows("SELECT revision, status FROM \"migrations_applied\" ORDER BY revision"))
			.containsExactly(Map.of("revision", "001", "status", "APPLIED"),
					Map.of("revision", "002", "status", "APPLIED"));
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(migrator.history(10)).hasSize(2);

		assertThat(migrator.downgrade("base").steps()).hasSize(2);
		assertThat(this.db.tableExists("accounts")).isFalse();
		assertThat(migrator.currentHeads()).isEmpty();
	}

	@Test
	void aFailureAfterDdlRanIsRecordedFailedUntilRepaired() {
		this.files.write("003", "002", "half", "CREATE TABLE half (id INT);\nINSERT INTO nowhere VALUES (1);",
				"DROP TABLE half;");
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.recordedFailed()).isTrue();
				assertThat(ex.line()).isEqualTo(8);
			});
		assertThat(this.db.tableExists("half")).isTrue();
		assertThat(migrator.status().state()).isEqualTo(MigrationState.FAILED);
		assertThatExceptionOfType(FailedRevisionsException.class).isThrownBy(() -> migrator.upgrade("heads"));

		this.db.execute("DROP TABLE half");
		this.files.write("003", "002", "half", "CREATE TABLE half (id INT);", "DROP TABLE half;");
		Migrator fixed = this.support.migrator();
		assertThat(fixed.repair(false).clearedFailures()).containsExactly("003");
		assertThat(fixed.upgrade("heads").steps()).hasSize(1);
		assertThat(fixed.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void theOfflineScriptForH2LeavesTheSameSchemaAndStateAsAnOnlineRun(TestDatabase database) throws Exception {
		String script = Migrator
			.create(MigrationsConfiguration.builder()
				.locations(this.files.location())
				.databaseType(DatabaseType.H2)
				.build())
			.upgradeSql("base", "heads");
		this.support.migrator().upgrade("heads");
		org.h2.jdbcx.JdbcDataSource offlineDataSource = new org.h2.jdbcx.JdbcDataSource();
		offlineDataSource.setURL("jdbc:h2:mem:" + database.name() + "_offline;DB_CLOSE_DELAY=-1");
		offlineDataSource.setUser(database.user());
		Database offline = new Database(offlineDataSource);
		try (java.sql.Connection connection = offlineDataSource.getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			dev.migrations.core.internal.source.SqlStatementSplitter.split(new java.io.StringReader(script),
					"offline.sql", (each) -> statement.execute(each.sql()));
		}

		for (String query : List.of(
				"SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS "
						+ "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION",
				"SELECT revision, down_revisions, message, checksum, status FROM \"migrations_applied\" "
						+ "ORDER BY revision",
				"SELECT operation, revision, from_heads, to_heads, checksum, success FROM \"migrations_history\" "
						+ "ORDER BY id",
				"SELECT * FROM accounts")) {
			assertThat(offline.rows(query)).as(query).isEqualTo(this.db.rows(query)).isNotEmpty();
		}
		offline.execute("SHUTDOWN");
	}

	@Test
	void modeAllIsRefusedBeforeAnythingRuns() {
		Migrator migrator = this.support.migrator((builder) -> builder.transactionMode(TransactionMode.ALL));

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("H2 commits DDL implicitly");
		assertThat(this.db.tableExists("accounts")).isFalse();
	}

	@Test
	void aSecondRunThroughTheSameMigratorGivesUpAfterTheLockTimeout() throws Exception {
		java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Migrator migrator = this.support.migrator((builder) -> builder.lockTimeout(java.time.Duration.ofMillis(300))
			.javaRevisions(List.of(new Blocking(running, release))));
		CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
		assertThat(running.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.PENDING);
		assertThat(status.revision("j003").orElseThrow().state()).isEqualTo(RevisionState.RUNNING);

		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("Gave up waiting for the migration lock after PT0.3S: it is held by another migration run "
					+ "(holder unknown). Another run is migrating; raise lock-timeout to wait longer.");

		release.countDown();
		assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).steps()).hasSize(3);
	}

	@Test
	void concurrentRunsOfOneMigratorAreSerialized() {
		Migrator migrator = this.support.migrator();

		List<CompletableFuture<RunResult>> runs = List.of(
				CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")),
				CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")),
				CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")));

		assertThat(runs.stream().mapToInt((run) -> run.join().steps().size()).sum()).isEqualTo(2);
		assertThat(this.db.column("SELECT COUNT(*) FROM \"migrations_history\"")).containsExactly(2L);
	}

	@Revision(id = "j003", downRevision = "002", message = "waits")
	static class Blocking implements JavaRevision {

		private final java.util.concurrent.CountDownLatch running;

		private final java.util.concurrent.CountDownLatch release;

		Blocking(java.util.concurrent.CountDownLatch running, java.util.concurrent.CountDownLatch release) {
			this.running = running;
			this.release = release;
		}

		@Override
		public void upgrade(RevisionContext context) throws Exception {
			this.running.countDown();
			this.release.await();
		}

	}

}
