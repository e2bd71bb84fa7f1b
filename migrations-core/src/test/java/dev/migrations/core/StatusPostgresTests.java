package dev.migrations.core;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Status of each revision, and branches with a merge point. */
@PostgresDatabase
class StatusPostgresTests {

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
		this.files.write("001", "", "base", "CREATE TABLE base (id INT);", "DROP TABLE base;");
		this.files.write("002a", "001", "left", "CREATE TABLE lefty (id INT);", "DROP TABLE lefty;");
		this.files.write("002b", "001", "right", "CREATE TABLE righty (id INT);", "DROP TABLE righty;");
		this.files.write("003", "002a, 002b", "merge left and right", "SELECT 1;", "SELECT 1;");
	}

	@Test
	void aFreshDatabaseIsPendingWithEveryRevisionInRunOrder() {
		MigrationStatus status = this.support.migrator().status();

		assertThat(status.state()).isEqualTo(MigrationState.PENDING);
		assertThat(status.currentHeads()).isEmpty();
		assertThat(status.codeHeads()).containsExactly("003");
		assertThat(status.pending()).containsExactlyInAnyOrder("001", "002a", "002b", "003")
			.startsWith("001")
			.endsWith("003");
		assertThat(status.revisions()).allSatisfy((revision) -> {
			assertThat(revision.state()).isEqualTo(RevisionState.PENDING);
			assertThat(revision.appliedAt()).isNull();
			assertThat(revision.checksumMatches()).isNull();
			assertThat(revision.checksum()).hasSize(64);
		});
		assertThat(this.db.tableExists("migrations_applied")).as("status creates nothing").isFalse();
	}

	@Test
	void aRevisionADependencyOfAnotherIsNoLongerACurrentHead() {
		this.files.writeFile("x01.sql", "-- other base\n--\n-- revision: x01\n-- down_revision:\n"
				+ "-- branch_labels: other\n\n-- +upgrade\nCREATE TABLE other (id INT);\n\n-- +downgrade\nDROP TABLE other;\n");
		this.files.writeFile("004.sql", "-- needs other\n--\n-- revision: 004\n-- down_revision: 003\n"
				+ "-- depends_on: x01\n\n-- +upgrade\nINSERT INTO other VALUES (1);\n\n-- +downgrade\nDELETE FROM other;\n");
		Migrator migrator = this.support.migrator();

		RunResult result = migrator.upgrade("heads");

		assertThat(result.steps()).hasSize(6);
		assertThat(result.toHeads()).containsExactly("004");
		assertThat(migrator.currentHeads()).containsExactly("004")
			.isEqualTo(migrator.graph().currentHeads(java.util.Set.of("001", "002a", "002b", "003", "x01", "004")));
		assertThat(this.db.value("SELECT to_heads FROM migrations_history ORDER BY id DESC FETCH FIRST 1 ROWS ONLY"))
			.isEqualTo("004");
		assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void anUnreachableDatabaseIsADatabaseAccessError() {
		org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
		unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
		Migrator migrator = this.support.migrator((builder) -> builder.dataSource(unreachable));

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(migrator::status)
			.withMessageStartingWith("Could not read the state tables: ")
			.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("08001"));
		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Could not upgrade (state tables migrations_applied, migrations_history): ");
		assertThat(this.support.events).containsExactly("run UPGRADE heads",
				"finished UPGRADE 0 DatabaseAccessException");
	}

	@Test
	void withoutADataSourceOnlyOfflineSqlWorks() {
		Migrator migrator = this.support.migrator((builder) -> builder.dataSource(null));

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("Invalid Migrations setting 'dataSource': null; a data source is needed for anything "
					+ "but offline SQL with an explicit start");
		assertThat(migrator.upgradeSql("base", "heads")).contains("Running upgrade 002a, 002b -> 003");
	}

	@Test
	void branchesAndTheirMergeAreAppliedWithTheirHeads() {
		Migrator migrator = this.support.migrator();

		migrator.upgrade("002a");
		MigrationStatus partial = migrator.status();
		assertThat(partial.currentHeads()).containsExactly("002a");
		assertThat(partial.pending()).containsExactly("002b", "003");

		Instant before = Instant.now().minusSeconds(5);
		RunResult rest = migrator.upgrade("heads");

		assertThat(rest.fromHeads()).containsExactly("002a");
		assertThat(rest.toHeads()).containsExactly("003");
		assertThat(this.db.rows("SELECT revision, from_heads, to_heads FROM migrations_history ORDER BY id"))
			.extracting((row) -> row.get("revision") + ": " + row.get("from_heads") + " -> " + row.get("to_heads"))
			.containsExactly("001:  -> 001", "002a: 001 -> 002a", "002b: 002a -> 002a,002b", "003: 002a,002b -> 003");
		assertThat(this.db.value("SELECT down_revisions FROM migrations_applied WHERE revision = '003'"))
			.isEqualTo("002a,002b");

		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(status.pending()).isEmpty();
		RevisionStatus merge = status.revision("003").orElseThrow();
		assertThat(merge.state()).isEqualTo(RevisionState.APPLIED);
		assertThat(merge.node()).isEqualTo(migrator.graph().find("003").orElseThrow());
		assertThat(merge.downRevisions()).containsExactly("002a", "002b");
		assertThat(merge.message()).isEqualTo("merge left and right");
		assertThat(merge.appliedAt()).isBetween(before, Instant.now().plusSeconds(5));
		assertThat(merge.appliedBy()).isEqualTo(this.database.user());
		assertThat(merge.executionTime()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
		assertThat(merge.checksum()).isEqualTo(migrator.revisions().get(3).checksum());
		assertThat(merge.checksumMatches()).isTrue();

		this.files.write("004", "003", "after the merge", "SELECT 1;", "SELECT 1;");
		Migrator newer = this.support.migrator();
		newer.upgrade("heads");
		RunResult back = newer.downgrade("003");
		assertThat(back.toHeads()).containsExactly("003");
		assertThat(newer.currentHeads()).containsExactly("003");
	}

}
