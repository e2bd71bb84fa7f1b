package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision} and {@code merge}: new files on the head of the code, refused with
 * Alembic's guidance where the graph leaves a choice.
 */
class RevisionCommandTests {

	@TempDir
	Path directory;

	private CliRunner cli() {
		return new CliRunner(Map.of("MIGRATIONS_LOCATIONS", "filesystem:" + this.directory));
	}

	@Test
	void theFirstRevisionIsABase() throws IOException {
		CliRunner.Result result = cli().run("revision", "-m", "initial schema", "--rev-id", "001");

		Path file = this.directory.resolve("20250102_0304_001_initial_schema.sql");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(file + "\n");
		assertThat(file).content().isEqualTo("""
				-- initial schema
				--
				-- revision: 001
				-- down_revision:
				-- create_date: 2025-01-02 03:04:05

				-- +upgrade


				-- +downgrade

				""");
		assertThat(cli().run("history").out()).isEqualTo("<base> -> 001 (head), initial schema\n");
	}

	@Test
	void aNewRevisionGoesOnTheHeadWithAFreshId() throws IOException {
		new RevisionFiles(this.directory).seeds();

		CliRunner.Result result = cli().run("revision", "-m", "Add user preferences: dark mode!");

		assertThat(result.exitCode()).isZero();
		Path file = Path.of(result.out().strip());
		String id = file.getFileName().toString().substring("20250102_0304_".length(), "20250102_0304_".length() + 12);
		assertThat(id).matches("[0-9a-f]{12}");
		assertThat(file).hasFileName("20250102_0304_" + id + "_add_user_preferences_dark_mode.sql")
			.hasParent(this.directory);
		assertThat(file).content()
			.startsWith("-- message: Add user preferences: dark mode!\n--\n-- revision: " + id
					+ "\n-- down_revision: 002\n");
		assertThat(cli().run("heads").out()).isEqualTo(id + " (head)\n");
		assertThat(cli().run("history", "-r", "002:").out())
			.startsWith("002 -> " + id + " (head), Add user preferences: dark mode!\n");
	}

	@Test
	void labelsAndDependenciesGoIntoTheHeader() throws IOException {
		new RevisionFiles(this.directory).seeds();

		CliRunner.Result result = cli().run("revision", "-m", "audit log", "--rev-id", "a1", "--head", "base",
				"--branch-label", "audit", "--depends-on", "001");

		assertThat(result.exitCode()).isZero();
		assertThat(Path.of(result.out().strip())).content().contains("""
				-- revision: a1
				-- down_revision:
				-- branch_labels: audit
				-- depends_on: 001
				""");
		assertThat(cli().run("heads").out()).isEqualTo("002 (head)\na1 (audit) (head)\n");
	}

	@Test
	void severalHeadsNeedAHeadOrAMerge() {
		new RevisionFiles(this.directory).seeds()
			.write("003_other", "other", "", "", "revision: 003", "down_revision: 001");

		CliRunner.Result result = cli().run("revision", "-m", "more");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("FAILED: Multiple heads are present (002, 003); please specify the head "
				+ "revision on which the new revision should be based (--head), or perform a merge "
				+ "('migrations merge heads')\n");
		assertThat(cli().run("revision", "-m", "more", "--head", "003", "--rev-id", "004").exitCode()).isZero();
		assertThat(cli().run("heads").out()).isEqualTo("002 (head)\n004 (head)\n");
	}

	@Test
	void aRevisionBelowTheHeadNeedsSplice() {
		new RevisionFiles(this.directory).seeds();

		CliRunner.Result refused = cli().run("revision", "-m", "branch", "--head", "001");
		CliRunner.Result spliced = cli().run("revision", "-m", "branch", "--head", "001", "--splice", "--rev-id", "b1");

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).isEqualTo("FAILED: Revision 001 is not a head revision; please specify --splice "
				+ "to create a new branch from this revision\n");
		assertThat(spliced.exitCode()).isZero();
		assertThat(cli().run("branches").out()).isEqualTo("001 (branchpoint)\n    -> 002 (head)\n    -> b1 (head)\n\n");
	}

	@Test
	void anIdInUseIsRefused() {
		new RevisionFiles(this.directory).seeds();

		CliRunner.Result result = cli().run("revision", "-m", "again", "--rev-id", "002");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("FAILED: Revision id 002 is already used by filesystem:"
				+ this.directory.resolve("002_user_preferences.sql") + "\n");
	}

	@Test
	void anInvalidIdIsAUsageError() throws IOException {
		CliRunner.Result result = cli().run("revision", "-m", "x", "--rev-id", "../evil");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Invalid revision id '../evil'");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void theMessageIsRequired() {
		CliRunner.Result result = cli().run("revision");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Missing required option: '--message=MSG'");
	}

	@Test
	void aMissingFolderPointsToInit() {
		Path missing = this.directory.resolve("nope");

		CliRunner.Result result = new CliRunner(Map.of("MIGRATIONS_LOCATIONS", "filesystem:" + missing)).run("revision",
				"-m", "x");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("FAILED: The revisions folder " + missing
				+ " does not exist: create it with 'migrations init " + missing + "'\n");
	}

	@Test
	void mergeJoinsTheHeads() {
		new RevisionFiles(this.directory).seeds()
			.write("003_other", "other", "", "", "revision: 003", "down_revision: 001");

		CliRunner.Result result = cli().run("merge", "-m", "Merge branch migrations", "heads", "--rev-id", "m1");

		assertThat(result.exitCode()).isZero();
		assertThat(Path.of(result.out().strip())).hasFileName("20250102_0304_m1_merge_branch_migrations.sql")
			.content()
			.contains("-- revision: m1\n-- down_revision: 002, 003\n");
		assertThat(cli().run("heads").out()).isEqualTo("m1 (head)\n");
		assertThat(cli().run("history", "-r", "002:").out())
			.isEqualTo("002, 003 -> m1 (head) (mergepoint), Merge branch migrations\n"
					+ "001 -> 002, Add user preferences table\n");
	}

	@Test
	void mergeOfNamedRevisionsWithADefaultMessage() {
		new RevisionFiles(this.directory).seeds()
			.write("003_other", "other", "", "", "revision: 003", "down_revision: 001");

		CliRunner.Result result = cli().run("merge", "002", "003", "--rev-id", "m1");

		assertThat(result.exitCode()).isZero();
		assertThat(cli().run("heads").out()).isEqualTo("m1 (head)\n");
		assertThat(Path.of(result.out().strip())).content().startsWith("-- merge 002, 003\n");
	}

	@Test
	void mergeOfASingleHeadIsRefused() {
		new RevisionFiles(this.directory).seeds();

		CliRunner.Result result = cli().run("merge", "-m", "nothing", "heads");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.isEqualTo("FAILED: Nothing to merge: heads names only 002; a merge needs two revisions or more\n");
	}

}
