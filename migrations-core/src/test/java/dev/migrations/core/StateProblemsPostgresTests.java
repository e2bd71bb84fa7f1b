package dev.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Drift, spliced history, revisions unknown to the code, and stamps. */
@PostgresDatabase
class StateProblemsPostgresTests {

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
		this.support.threeRevisions();
	}

	@Test
	void anEditedUpgradeOfAnAppliedRevisionIsDriftAndRefused() {
		this.support.migrator().upgrade("heads");
		String recorded = (String) this.db.value("SELECT checksum FROM migrations_applied WHERE revision = '001'");
		this.files.write("001", "", "create users", "CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT);",
				"DROP TABLE users;");
		this.files.write("004", "003", "more", "CREATE TABLE more (id INT);", "DROP TABLE more;");
		Migrator migrator = this.support.migrator();
		String actual = migrator.revisions().get(0).checksum();

		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Applied revision(s) changed since they were applied: 001 in ")
			.withMessageContaining("001.sql (recorded checksum " + recorded + ", now " + actual + ")")
			.withMessageEndingWith(
					"Restore the original upgrade, or accept the edit with " + "'migrations repair --checksums'.")
			.satisfies((ex) -> assertThat(ex.mismatches()).extracting(ChecksumMismatchException.Mismatch::revision)
				.containsExactly("001"));
		assertThat(this.db.tableExists("more")).isFalse();
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.DRIFTED);
		RevisionStatus first = status.revision("001").orElseThrow();
		assertThat(first.checksumMatches()).isFalse();
		assertThat(first.checksum()).isEqualTo(recorded);
		assertThat(status.revision("002").orElseThrow().checksumMatches()).isTrue();

		RepairResult repair = migrator.repair(true);

		assertThat(repair.acceptedChecksums()).containsExactly("001");
		assertThat(this.db.value("SELECT checksum FROM migrations_applied WHERE revision = '001'")).isEqualTo(actual);
		assertThat(this.db.rows("SELECT revision, checksum FROM migrations_history WHERE operation = 'repair'"))
			.containsExactly(Map.of("revision", "001", "checksum", actual));
		assertThat(migrator.status().state()).isEqualTo(MigrationState.PENDING);
		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
	}

	@Test
	void driftIsIgnoredWhenChecksumsAreNotValidated() {
		this.support.migrator().upgrade("heads");
		this.files.write("001", "", "create users", "CREATE TABLE users (id BIGINT PRIMARY KEY);", "DROP TABLE users;");
		this.files.write("004", "003", "more", "CREATE TABLE more (id INT);", "DROP TABLE more;");
		Migrator migrator = this.support.migrator((builder) -> builder.validateChecksums(false));

		assertThat(migrator.upgrade("heads").steps()).hasSize(1);
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(migrator.status().revision("001").orElseThrow().checksumMatches()).isFalse();
	}

	@Test
	void editingOnlyTheDowngradeIsNoDrift() {
		this.support.migrator().upgrade("heads");
		this.files.write("003", "002", "index tasks by user", "CREATE INDEX ix_tasks_user ON tasks (user_id);",
				"DROP INDEX IF EXISTS ix_tasks_user;");

		assertThat(this.support.migrator().status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void aRevisionSplicedIntoAppliedHistoryIsRefused() throws Exception {
		this.support.migrator().upgrade("heads");
		this.files.write("001b", "001", "spliced", "CREATE TABLE spliced (id INT);", "DROP TABLE spliced;");
		this.files.write("002", "001b", "create tasks",
				Files.readString(this.folder.resolve("002.sql")).split("-- \\+upgrade\n")[1]
					.split("\n\n-- \\+downgrade")[0],
				"DROP TABLE tasks;\nDELETE FROM users;");
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(SplicedHistoryException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Revision(s) spliced into applied history: 001b (")
			.withMessageContaining("001b.sql) is not applied but its descendant(s) 002 are")
			.satisfies((ex) -> assertThat(ex.appliedDescendants()).containsOnlyKeys("001b"));
		assertThat(this.db.tableExists("spliced")).isFalse();
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.DRIFTED);
		assertThat(status.revision("001b").orElseThrow().spliced()).isTrue();
	}

	@Test
	void revisionsUnknownToTheCodeMakeTheDatabaseAheadNotBroken() {
		this.support.migrator().upgrade("heads");
		this.files.folder().resolve("003.sql").toFile().delete();
		Migrator older = this.support.migrator();

		MigrationStatus status = older.status();
		assertThat(status.state()).isEqualTo(MigrationState.AHEAD);
		assertThat(status.currentHeads()).containsExactly("003");
		assertThat(status.codeHeads()).containsExactly("002");
		RevisionStatus unknown = status.revision("003").orElseThrow();
		assertThat(unknown.state()).isEqualTo(RevisionState.UNKNOWN);
		assertThat(unknown.node()).isNull();
		assertThat(unknown.downRevisions()).containsExactly("002");
		assertThat(unknown.message()).isEqualTo("index tasks by user");
		assertThat(older.upgrade("heads").steps()).isEmpty();
		assertThat(older.currentHeads()).containsExactly("003");

		assertThatExceptionOfType(UnknownRevisionsException.class).isThrownBy(() -> older.downgrade("-1"))
			.withMessage("Cannot downgrade 002: revision(s) the code does not know build on them: 003. "
					+ "Downgrade with the code that has them.");
		assertThat(this.db.tableExists("tasks")).isTrue();
		assertThatExceptionOfType(UnknownRevisionsException.class)
			.isThrownBy(() -> this.support.migrator((builder) -> builder.onUnknownRevision(UnknownRevisionPolicy.FAIL))
				.upgrade("heads"))
			.withMessageStartingWith("The database records revision(s) the code does not know: 003")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("003"));
	}

	@Test
	void stampAdoptsAnExistingDatabaseWithoutRunningAnything() {
		Migrator migrator = this.support.migrator();

		RunResult result = migrator.stamp(List.of("heads"), false);

		assertThat(result.operation()).isEqualTo(Operation.STAMP);
		assertThat(result.steps()).isEmpty();
		assertThat(result.toHeads()).containsExactly("003");
		assertThat(this.db.tableExists("users")).isFalse();
		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied ORDER BY revision")).containsExactly(
				Map.of("revision", "001", "status", "APPLIED"), Map.of("revision", "002", "status", "APPLIED"),
				Map.of("revision", "003", "status", "APPLIED"));
		List<Map<String, Object>> history = this.db
			.rows("SELECT operation, revision, from_heads, to_heads, success FROM migrations_history");
		assertThat(history).hasSize(1);
		assertThat(history.get(0)).containsEntry("operation", "stamp")
			.containsEntry("revision", null)
			.containsEntry("from_heads", "")
			.containsEntry("to_heads", "003")
			.containsEntry("success", true);
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void stampMovesTheMarkDownAndPurgeClearsUnknownRevisions() {
		Migrator migrator = this.support.migrator();
		migrator.upgrade("heads");
		this.db.execute("INSERT INTO migrations_applied VALUES ('zzz', '003', 'from the future', NULL, 'APPLIED', "
				+ "now(), current_user, 1)");

		migrator.stamp(List.of("001"), false);
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("001",
				"zzz");

		RunResult purged = migrator.stamp(List.of("002"), true);

		assertThat(purged.toHeads()).containsExactly("002");
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("001",
				"002");
		assertThat(this.db.column("SELECT to_heads FROM migrations_history WHERE operation = 'stamp' ORDER BY id"))
			.containsExactly("001,zzz", "002");
		assertThat(this.db.tableExists("tasks")).isTrue();
	}

}
