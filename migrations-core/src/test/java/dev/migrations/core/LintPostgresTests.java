package dev.migrations.core;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.core.LintFinding;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link Migrator#lint}: revisions read from files, ancestors deciding
 * {@code set-not-null-scan}, {@code lint_ignore} outside the checksum, pending revisions
 * read from the database.
 */
@PostgresDatabase
class LintPostgresTests {

	@TempDir
	Path folder;

	private RevisionFiles files;

	private MigratorTestSupport support;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.support.resetPostgres();
		this.files.write("001", "", "tasks", "CREATE TABLE tasks (id int PRIMARY KEY, title text);\n"
				+ "CREATE INDEX ix_tasks_title ON tasks (title);", "DROP TABLE tasks;");
		this.files.write("002", "001", "not null check",
				"ALTER TABLE tasks ADD CONSTRAINT tasks_title_nn CHECK (title IS NOT NULL) NOT VALID;", "");
		this.files.write("003", "002", "validate", "ALTER TABLE tasks VALIDATE CONSTRAINT tasks_title_nn;", "");
		this.files.write("004", "003", "not null and an index",
				"ALTER TABLE tasks ALTER COLUMN title SET NOT NULL;\n\nCREATE INDEX ix_tasks_id ON tasks (id);", "");
	}

	@Test
	void lintsEveryRevisionAndDecidesSetNotNullFromTheAncestors() {
		List<LintFinding> findings = this.support.migrator().lint(List.of());

		assertThat(findings).extracting(LintFinding::revision, LintFinding::line, LintFinding::rule)
			.containsExactly(tuple("004", 7, "exclusive-lock-held-across-statements"),
					tuple("004", 9, "create-index-not-concurrently"));
	}

	@Test
	void aFileARunWouldRefuseFailsTheLintNamingItsLine() {
		this.files.write("003", "002", "validate", "ALTER TABLE tasks VALIDATE CONSTRAINT tasks_title_nn;",
				"DO $$ BEGIN");

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> this.support.migrator().lint(List.of()))
			.withMessageEndingWith("003.sql:10: unterminated dollar-quoted string ($$); close it with $$");
	}

	@Test
	void withoutTheValidatingAncestorSetNotNullScans() {
		this.files.write("003", "002", "validate", "SELECT 1;", "");
		assertThat(this.support.migrator().lint(List.of("004"))).extracting(LintFinding::rule)
			.contains("set-not-null-scan");
	}

	@Test
	void lintIgnoreSilencesARuleWithoutChangingTheChecksum() {
		Migrator before = this.support.migrator();
		String checksum = before.revisions().get(3).checksum();
		this.files.writeFile("004.sql",
				"-- not null and an index\n--\n-- revision: 004\n-- down_revision: 003\n"
						+ "-- lint_ignore: create-index-not-concurrently, exclusive-lock-held-across-statements\n\n"
						+ "-- +upgrade\nALTER TABLE tasks ALTER COLUMN title SET NOT NULL;\n\n"
						+ "CREATE INDEX ix_tasks_id ON tasks (id);\n\n-- +downgrade\n\n");
		Migrator after = this.support.migrator();

		assertThat(after.lint(List.of("004"))).isEmpty();
		assertThat(after.revisions().get(3).checksum()).isEqualTo(checksum);
	}

	@Test
	void lintIgnoreNamingNoRuleIsAnErrorNamingFileLineAndRevision() {
		this.files.writeFile("004.sql", "-- x\n--\n-- revision: 004\n-- down_revision: 003\n"
				+ "-- lint_ignore: set-not-nul-scan\n\n-- +upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> this.support.migrator().lint(List.of("004")))
			.withMessageContaining("004.sql")
			.withMessageContaining("004.sql:5: ")
			.withMessageContaining("revision 004: 'lint_ignore' names no lint rule 'set-not-nul-scan'; use one of "
					+ "create-index-not-concurrently, ");
	}

	@Test
	void lintPendingLintsOnlyWhatAnUpgradeWouldRun() {
		Migrator migrator = this.support.migrator();
		migrator.upgrade("003");

		assertThat(migrator.lintPending()).extracting(LintFinding::revision).containsOnly("004").isNotEmpty();
	}

	@Test
	void aRevisionNotYetWrittenIsLintedAgainstItsAncestors() {
		NewRevision revision = new NewRevision("005", List.of("004"), List.of(), List.of(), "more",
				"ALTER TABLE tasks ADD COLUMN owner_id int REFERENCES users (id);\n", "");

		List<LintFinding> findings = this.support.migrator().lint(revision, "db/revisions/005_more.sql");

		assertThat(findings).extracting(LintFinding::rule).containsExactly("foreign-key-not-valid");
		assertThat(findings.get(0).format()).startsWith("db/revisions/005_more.sql:8: foreign-key-not-valid: ");
	}

}
