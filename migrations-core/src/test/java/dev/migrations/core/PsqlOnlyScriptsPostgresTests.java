package dev.migrations.core;

import java.nio.file.Path;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.core.RevisionFileException;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only psql can run (COPY data in the script, meta-commands) is refused at load,
 * before anything runs.
 */
@PostgresDatabase
class PsqlOnlyScriptsPostgresTests {

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
		this.support.resetPostgres();
	}

	@Test
	void copyFromStdinIsRefusedBeforeAnythingRunsNamingFileAndLine() {
		this.files.write("001", "", "data", "CREATE TABLE t (a INT, b TEXT);\nCOPY t (a, b) FROM stdin;\n1\tone\n"
				+ "2\ttwo\n\\.\nCREATE TABLE after_copy (id INT);", "DROP TABLE t;");

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(this.files.location() + "/001.sql");
				assertThat(ex.line()).isEqualTo(8);
				assertThat(ex.problem()).isEqualTo("COPY ... FROM STDIN reads data that follows it in the script, "
						+ "which only psql can send; load the data with INSERT statements, or with COPY ... FROM a "
						+ "file or PROGRAM on the database server");
			});
		assertThat(this.db.tableExists("t")).isFalse();
		assertThat(this.db.tableExists("migrations_applied")).as("nothing ran, not even the state tables' DDL")
			.isFalse();
	}

	@Test
	void aPsqlMetaCommandIsRefusedBeforeAnythingRunsNamingFileAndLine() {
		this.files.write("001", "", "meta", "\\set ON_ERROR_STOP on\nCREATE TABLE t (id INT);", "DROP TABLE t;", false);

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(8);
				assertThat(ex.problem()).startsWith("'\\set' is a psql meta-command, which only psql understands");
			});
		assertThat(this.db.tableExists("t")).isFalse();
		assertThat(this.db.tableExists("migrations_applied")).as("nothing ran, not even the state tables' DDL")
			.isFalse();
	}

	@Test
	void copyFromAFileOrProgramOnTheServerPassesTheCheck() {
		this.files.write("001", "", "server copy", "CREATE TABLE t (a INT, stdin TEXT);\n"
				+ "COPY t FROM '/srv/data/t.csv' (FORMAT csv);\nCOPY t (a, stdin) FROM PROGRAM 'cat /srv/t.csv';",
				"DROP TABLE t;");

		assertThat(this.support.migrator().upgradeSql("base", "heads"))
			.contains("COPY t FROM '/srv/data/t.csv' (FORMAT csv);");
	}

}
