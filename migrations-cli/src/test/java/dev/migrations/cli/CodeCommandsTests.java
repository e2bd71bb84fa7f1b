package dev.migrations.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that read only the code: {@code history}, {@code heads}, {@code branches},
 * {@code show}, {@code graph}, with no database configured.
 */
class CodeCommandsTests {

	@TempDir
	Path directory;

	private CliRunner cli;

	@BeforeEach
	void revisions() {
		RevisionFiles files = new RevisionFiles(this.directory).branched();
		this.cli = new CliRunner(Map.of("MIGRATIONS_LOCATIONS", files.location()));
	}

	@Test
	void historyListsRevisionsNewestFirstWithAlembicsFlags() {
		CliRunner.Result result = this.cli.run("history");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).isEqualTo("""
				003, 004 -> 005 (tags) (head) (mergepoint), merge task index and tags
				002 -> 003, Add task index
				002 -> 004 (tags), Add tags
				001 -> 002 (branchpoint), Add user preferences table
				<base> -> 001, initial schema
				""");
	}

	@Test
	void graphPrintsAMermaidFlowchartOfTheRevisions() {
		CliRunner.Result result = this.cli.run("graph");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).isEqualTo("""
				flowchart TD
				    r0["001<br/>initial schema"]
				    r1["002 (branchpoint)<br/>Add user preferences table"]
				    r2["004 (tags)<br/>Add tags"]
				    r3["003<br/>Add task index"]
				    r4["005 (head) (mergepoint)<br/>merge task index and tags"]
				    r0 --> r1
				    r1 --> r2
				    r1 --> r3
				    r3 --> r4
				    r2 --> r4
				    classDef head stroke-width:3px
				    class r4 head
				""");
	}

	@Test
	void graphPrintsDotAndTakesARange() {
		CliRunner.Result result = this.cli.run("graph", "--format", "dot", "-r", "tags@base:");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				digraph revisions {
				    rankdir=TB;
				    node [shape=box];
				    r0 [label="004 (tags)\\nAdd tags"];
				    r1 [label="005 (head) (mergepoint)\\nmerge task index and tags", penwidth=3];
				    r0 -> r1;
				}
				""");
	}

	@Test
	void graphRefusesAnUnknownFormatAsAUsageError() {
		CliRunner.Result result = this.cli.run("graph", "--format", "svg");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: Unknown graph format 'svg'; use mermaid or dot\n");
	}

	/**
	 * The version comes from the jar's manifest ({@code ExecutableJarIT} runs the jar);
	 * these tests run on the compiled classes, which have none.
	 */
	@Test
	void versionIsReadFromTheManifestOfTheJar() {
		CliRunner.Result result = this.cli.run("--version");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("migrations " + ManifestVersion.UNKNOWN + "\n");
	}

	@Test
	void historyTakesARange() {
		CliRunner.Result result = this.cli.run("history", "-r", "002:004");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				002 -> 004 (tags), Add tags
				001 -> 002 (branchpoint), Add user preferences table
				""");
	}

	@Test
	void verboseHistoryShowsAlembicsEntries() {
		CliRunner.Result result = this.cli.run("history", "--verbose", "-r", "004:005");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				Rev: 005 (head) (mergepoint)
				Merges: 003, 004
				Branch names: tags
				Path: %1$s/005_merge.sql

				    merge task index and tags

				    Revision ID: 005
				    Revises: 003, 004

				Rev: 004
				Parent: 002
				Branch names: tags
				Path: %1$s/004_tags.sql

				    Add tags

				    Revision ID: 004
				    Revises: 002

				""".formatted(this.directory));
	}

	@Test
	void historyAsJson() {
		CliRunner.Result result = this.cli.run("history", "--json", "-r", "002:003");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				{
				  "revisions": [
				    {
				      "revision": "003",
				      "downRevisions": ["002"],
				      "dependsOn": [],
				      "branchLabels": [],
				      "message": "Add task index",
				      "source": "filesystem:%1$s/003_task_index.sql",
				      "createDate": null,
				      "head": false,
				      "branchpoint": false,
				      "mergepoint": false
				    },
				    {
				      "revision": "002",
				      "downRevisions": ["001"],
				      "dependsOn": [],
				      "branchLabels": [],
				      "message": "Add user preferences table",
				      "source": "filesystem:%1$s/002_user_preferences.sql",
				      "createDate": null,
				      "head": false,
				      "branchpoint": true,
				      "mergepoint": false
				    }
				  ]
				}
				""".formatted(this.directory));
	}

	@Test
	void aBadRangeFailsWithTheGraphsMessage() {
		CliRunner.Result result = this.cli.run("history", "-r", "004:003");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ").contains("004").endsWith("\n").hasLineCount(1);
	}

	@Test
	void headsShowsTheHeadsWithTheirLabels() {
		CliRunner.Result result = this.cli.run("heads");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("005 (tags) (head)\n");
	}

	@Test
	void headsAsJson() {
		CliRunner.Result result = this.cli.run("heads", "--json");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("{\n  \"heads\": [\n    {\n      \"revision\": \"005\",")
			.contains("\"mergepoint\": true");
	}

	@Test
	void branchesShowsEachBranchPointAndItsBranches() {
		CliRunner.Result result = this.cli.run("branches");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				002 (branchpoint)
				    -> 003
				    -> 004 (tags)

				""");
	}

	@Test
	void verboseBranchesShowTheBranchPointInFullAndTheMessages() {
		CliRunner.Result result = this.cli.run("branches", "-v");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Rev: 002 (branchpoint)\nParent: 001\nBranches into: 003, 004\n")
			.endsWith("""
					    -> 003, Add task index
					    -> 004 (tags), Add tags

					""");
	}

	@Test
	void showResolvesAnIdentifier() {
		CliRunner.Result result = this.cli.run("show", "tags@head");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Rev: 005 (head) (mergepoint)\nMerges: 003, 004\n");
	}

	@Test
	void showOfAnUnknownRevisionFails() {
		CliRunner.Result result = this.cli.run("show", "zzzz");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: Can't locate revision identified by 'zzzz'");
	}

	@Test
	void commandsReadingTheDatabaseSayHowToGiveOne() {
		CliRunner.Result result = this.cli.run("current");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("FAILED: No database to connect to: give --url, or set MIGRATIONS_URL or "
				+ "DATABASE_URL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE or mysql://USER:PASSWORD@HOST:PORT/DATABASE)\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "init", "revision", "merge", "upgrade", "downgrade", "stamp", "current", "history",
			"heads", "branches", "show", "status", "check", "repair" })
	void everyCommandHasHelp(String command) {
		CliRunner.Result result = this.cli.run(command, "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Usage: migrations " + command);
		assertThat(result.err()).isEmpty();
	}

	@Test
	void helpListsTheCommands() {
		CliRunner.Result result = this.cli.run("--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("upgrade", "downgrade", "stamp", "current", "history", "heads", "branches",
				"show", "status", "check", "repair", "revision", "merge", "init");
	}

	@Test
	void aMissingCommandIsAUsageError() {
		CliRunner.Result result = this.cli.run();

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Missing required subcommand");
	}

}
