package dev.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.internal.dialect.MySqlUserLock;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Separate JVMs on the local MariaDB: four starting at once with 50 pending revisions
 * apply each once; a JVM killed in a revision after its DDL ran frees the lock at once,
 * and the next run reports the revision {@code FAILED} until repaired.
 */
@MariaDbDatabase
class ConcurrentStartMariaDbTests {

	private static final int PROCESSES = 4;

	private static final int REVISIONS = 50;

	@TempDir
	Path folder;

	@Test
	void fourProcessesApplyEachRevisionExactlyOnce(TestDatabase database) throws Exception {
		Database db = new Database(database.dataSource());
		dropTables(db);
		RevisionFiles files = new RevisionFiles(this.folder.resolve("revisions"));
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format("r%03d", i);
			String parent = (i == 1) ? "" : String.format("r%03d", i - 1);
			files.write(id, parent, "revision " + i,
					"CREATE TABLE t_" + id + " (id INT);\nINSERT INTO t_" + id + " VALUES (" + i + ");",
					"DROP TABLE t_" + id + ";");
		}
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < PROCESSES; i++) {
			processes.add(SeparateProcesses.start(database, files.location(), this.folder.resolve("log" + i)));
		}
		List<String> outputs = new ArrayList<>();
		for (int i = 0; i < PROCESSES; i++) {
			Process process = processes.get(i);
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("process %d finished", i).isTrue();
			String output = Files.readString(this.folder.resolve("log" + i));
			assertThat(process.exitValue()).as("exit value of process %d:\n%s", i, output).isZero();
			outputs.add(output);
		}

		assertThat(db.value("SELECT count(*) FROM migrations_applied WHERE status = 'APPLIED'"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT count(*) FROM migrations_history")).isEqualTo((long) REVISIONS);
		assertThat(db.value(
				"SELECT count(DISTINCT revision) FROM migrations_history " + "WHERE operation = 'upgrade' AND success"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
				+ "AND table_name LIKE 't\\_r%'"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT sum(id) FROM t_r050")).isEqualTo(java.math.BigDecimal.valueOf(50));
		assertThat(outputs.stream().filter((output) -> output.contains("applied " + REVISIONS))).hasSize(1);
		assertThat(outputs.stream().filter((output) -> output.contains("applied 0"))).hasSize(PROCESSES - 1);
		assertThat(db
			.value("SELECT IS_USED_LOCK('" + MySqlUserLock.lockName(database.name(), "migrations_applied") + "')"))
			.isNull();
	}

	@Test
	void aKilledRunFreesTheLockAtOnceAndItsRevisionIsFailedUntilRepaired(TestDatabase database) throws Exception {
		Database db = new Database(database.dataSource());
		dropTables(db);
		db.execute("CREATE TABLE sleep_control (seconds INT)", "INSERT INTO sleep_control VALUES (600)");
		RevisionFiles files = new RevisionFiles(this.folder.resolve("crash"));
		files.write("001", "", "first", "CREATE TABLE first_table (id INT);", "DROP TABLE first_table;");
		files.write("002", "001", "slow", """
				CREATE TABLE half_done (id INT);
				SELECT SLEEP((SELECT seconds FROM sleep_control));
				INSERT INTO half_done VALUES (1);""", "DROP TABLE half_done;");
		Path log = this.folder.resolve("crash-log");
		String lockName = MySqlUserLock.lockName(database.name(), "migrations_applied");

		Process process = SeparateProcesses.start(database, files.location(), log);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (sleeping(db).isEmpty()) {
			assertThat(process.isAlive()).as("process alive:\n%s", Files.exists(log) ? Files.readString(log) : "")
				.isTrue();
			assertThat(System.nanoTime()).as("revision 002 started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(db.value("SELECT IS_USED_LOCK('" + lockName + "')")).isNotNull();
		assertThat(db.column("SELECT status FROM migrations_applied WHERE revision = '002'")).as("marked while it runs")
			.containsExactly("RUNNING");

		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

		long lockDeadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (db.value("SELECT IS_USED_LOCK('" + lockName + "')") != null) {
			assertThat(System.nanoTime()).as("the lock freed with its session").isLessThan(lockDeadline);
			Thread.sleep(50);
		}
		// The server finishes the orphaned SLEEP only when it ends: end it.
		for (Object id : sleeping(db)) {
			db.execute("KILL " + id);
		}
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
			.withMessageContaining("002.sql, interrupted while running)")
			.withMessageContaining("migrations repair");

		db.execute("DROP TABLE half_done", "UPDATE sleep_control SET seconds = 0");
		assertThat(migrator.repair(false).clearedFailures()).containsExactly("002");
		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
		assertThat(db.column("SELECT id FROM half_done")).containsExactly(1);
		assertThat(db.column("SELECT status FROM migrations_applied WHERE revision = '002'"))
			.containsExactly("APPLIED");
	}

	private static List<Object> sleeping(Database db) {
		return db.column("SELECT id FROM information_schema.processlist WHERE db = DATABASE() "
				+ "AND info LIKE 'SELECT SLEEP%'");
	}

	private static void dropTables(Database db) {
		for (Object table : db
			.column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")) {
			db.execute("DROP TABLE `" + table + "`");
		}
	}

}
