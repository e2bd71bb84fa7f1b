package dev.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four JVMs starting at once on a fresh database with 50 pending revisions: the lock lets
 * one apply them, the others find nothing left to do.
 */
@PostgresDatabase
class ConcurrentStartPostgresTests {

	private static final int PROCESSES = 4;

	private static final int REVISIONS = 50;

	@TempDir
	Path folder;

	@Test
	void fourProcessesApplyEachRevisionExactlyOnce(TestDatabase database) throws Exception {
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

		Database db = new Database(database.dataSource());
		assertThat(db.value("SELECT count(*) FROM migrations_applied WHERE status = 'APPLIED'"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value(
				"SELECT count(DISTINCT revision) FROM migrations_history " + "WHERE operation = 'upgrade' AND success"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT count(*) FROM migrations_history")).isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT count(*) FROM migrations_history WHERE operation = 'upgrade' AND success"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 't\\_r%'"))
			.isEqualTo((long) REVISIONS);
		assertThat(db.value("SELECT sum(id) FROM t_r050")).isEqualTo(50L);
		assertThat(outputs.stream().filter((output) -> output.contains("applied " + REVISIONS))).hasSize(1);
		assertThat(outputs.stream().filter((output) -> output.contains("applied 0"))).hasSize(PROCESSES - 1);
		assertThat(db.column(
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
			.isEmpty();
	}

}
