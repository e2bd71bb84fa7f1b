package dev.migrations.core;

import java.nio.file.Path;
import java.util.Map;

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
 * A transactional revision runs in one transaction that nothing but the migrator ends.
 */
@PostgresDatabase
class TransactionIntegrityPostgresTests {

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
	void aCommitInATransactionalSqlRevisionIsRefusedBeforeAnythingRuns() {
		this.files.write("001", "", "first",
				"CREATE TABLE t1 (id INT);\nCOMMIT;\nCREATE TABLE t2 (id INT);\n" + "SELECT 1/0;",
				"DROP TABLE t2;\nDROP TABLE t1;");

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(this.files.location() + "/001.sql");
				assertThat(ex.line()).isEqualTo(8);
				assertThat(ex.problem()).isEqualTo("'COMMIT' ends the transaction the revision runs in, so a "
						+ "failure after it could no longer be rolled back whole; remove it (Migrations begins and "
						+ "commits the revision's transaction with its state rows), or mark the revision "
						+ "'-- transactional: false' to run its statements in autocommit");
			});
		assertThat(this.db.tableExists("t1")).isFalse();
		assertThat(this.db.tableExists("migrations_applied")).isFalse();
	}

	@Test
	void transactionControlInADowngradeSectionIsRefusedToo() {
		this.files.write("001", "", "first", "CREATE TABLE t1 (id INT);", "BEGIN;\nDROP TABLE t1;\nEND;");

		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(10);
				assertThat(ex.problem()).startsWith("'BEGIN' ends the transaction the revision runs in");
			});
		assertThat(this.db.tableExists("t1")).as("refused before the upgrade ran").isFalse();
	}

	@Test
	void savepointsAtomicBodiesAndCaseEndsAreNotTransactionControl() {
		this.files.write("001", "", "first", """
				CREATE TABLE t1 (id INT);
				SAVEPOINT before_insert;
				INSERT INTO t1 VALUES (1);
				ROLLBACK TO SAVEPOINT before_insert;
				INSERT INTO t1 VALUES (2);
				RELEASE SAVEPOINT before_insert;
				CREATE FUNCTION twice(x INT) RETURNS INT LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN x IS NULL THEN 0 ELSE x * 2 END;
				END;
				INSERT INTO t1 SELECT CASE WHEN twice(2) = 4 THEN 3 ELSE 0 END;""",
				"DROP FUNCTION twice;\nDROP TABLE t1;");

		RunResult result = this.support.migrator().upgrade("heads");

		assertThat(result.steps()).hasSize(1);
		assertThat(this.db.column("SELECT id FROM t1 ORDER BY id")).containsExactly(2, 3);
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied"))
			.containsExactly(Map.of("revision", "001", "status", "APPLIED"));
	}

	@Test
	void aNonTransactionalSqlRevisionMayControlItsOwnTransactions() {
		this.files.write("001", "", "first", "BEGIN;\nCREATE TABLE t1 (id INT);\nINSERT INTO t1 VALUES (1);\nCOMMIT;",
				"DROP TABLE t1;", false);

		this.support.migrator().upgrade("heads");

		assertThat(this.db.column("SELECT id FROM t1")).containsExactly(1);
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied"))
			.containsExactly(Map.of("revision", "001", "status", "APPLIED"));
	}

}
