package dev.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A JVM killed while a revision runs: the server releases the lock with the session, the
 * revision's transaction is rolled back, and the next run applies it.
 */
@PostgresDatabase
class CrashPostgresTests {

	@TempDir
	Path folder;

	@Test
	void aKilledRunLeavesNoLockAndNothingOfItsRevision(TestDatabase database) throws Exception {
		new Database(database.dataSource()).execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
		RevisionFiles files = new RevisionFiles(this.folder.resolve("revisions"));
		files.write("001", "", "first", "CREATE TABLE first_table (id INT);", "DROP TABLE first_table;");
		files.write("002", "001", "slow", """
				CREATE TABLE crash_victim (id INT);
				SELECT pg_sleep(coalesce(current_setting('migrations_test.sleep', true), '0')::float);
				INSERT INTO crash_victim VALUES (1);""", "DROP TABLE crash_victim;");
		Database db = new Database(database.dataSource());
		Path log = this.folder.resolve("log");

		Process process = SeparateProcesses.start(database, files.location(), log, "-c migrations_test.sleep=600");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (db.column(
				"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'")
			.isEmpty()) {
			assertThat(process.isAlive()).as("process alive:\n%s", Files.exists(log) ? Files.readString(log) : "")
				.isTrue();
			assertThat(System.nanoTime()).as("revision 002 started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(db.column(
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted"))
			.hasSize(1);

		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

		waitUntilEmpty(db,
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
				Duration.ofSeconds(2));
		assertThat(db.tableExists("crash_victim")).isFalse();
		assertThat(db.column("SELECT revision FROM migrations_applied")).containsExactly("001");
		waitUntilEmpty(db,
				"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'",
				Duration.ofSeconds(10));

		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(database.dataSource())
			.locations(files.location())
			.lockTimeout(Duration.ofSeconds(5))
			.build());
		RunResult result = migrator.upgrade("heads");

		assertThat(result.steps()).extracting((step) -> step.step().revision().id()).containsExactly("002");
		assertThat(db.column("SELECT id FROM crash_victim")).containsExactly(1);
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void aRunKilledInANonTransactionalRevisionLeavesItMarkedAndRefusedUntilRepaired(TestDatabase database)
			throws Exception {
		Database db = new Database(database.dataSource());
		db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
		RevisionFiles files = new RevisionFiles(this.folder.resolve("nontransactional"));
		files.write("001", "", "first", "CREATE TABLE first_table (id INT);", "DROP TABLE first_table;");
		files.write("002", "001", "slow and not transactional", """
				CREATE TABLE half_done (id INT);
				SELECT pg_sleep(coalesce(current_setting('migrations_test.sleep', true), '0')::float);
				CREATE INDEX CONCURRENTLY ix_half_done ON half_done (id);""", "DROP TABLE half_done;", false);
		Path log = this.folder.resolve("log2");

		Process process = SeparateProcesses.start(database, files.location(), log, "-c migrations_test.sleep=600");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (db
			.column("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE "
					+ "'SELECT pg_sleep%' AND state = 'active'")
			.isEmpty()) {
			assertThat(process.isAlive()).as("process alive:\n%s", Files.exists(log) ? Files.readString(log) : "")
				.isTrue();
			assertThat(System.nanoTime()).as("revision 002 started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(db.column("SELECT status FROM migrations_applied WHERE revision = '002'")).as("marked while it runs")
			.containsExactly("RUNNING");

		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

		waitUntilEmpty(db, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())", Duration.ofSeconds(2));
		assertThat(db.tableExists("half_done")).as("autocommitted before the crash").isTrue();
		assertThat(db.rows("SELECT revision, status FROM migrations_applied ORDER BY revision")).containsExactly(
				Map.of("revision", "001", "status", "APPLIED"), Map.of("revision", "002", "status", "RUNNING"));
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(database.dataSource())
			.locations(files.location())
			.lockTimeout(Duration.ofSeconds(5))
			.build());
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.FAILED);
		assertThat(status.revision("002").orElseThrow().state()).isEqualTo(RevisionState.FAILED);
		assertThatExceptionOfType(FailedRevisionsException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("002 (")
			.withMessageContaining("002.sql, interrupted while running)");

		db.execute("DROP TABLE half_done");
		assertThat(migrator.repair(false).clearedFailures()).containsExactly("002");
		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
		assertThat(db.column("SELECT status FROM migrations_applied WHERE revision = '002'"))
			.containsExactly("APPLIED");
	}

	private static void waitUntilEmpty(Database db, String query, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!db.column(query).isEmpty()) {
			assertThat(System.nanoTime()).as("%s empty within %s", query, timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
