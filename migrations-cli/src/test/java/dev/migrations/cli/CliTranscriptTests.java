package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import dev.migrations.testsupport.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the command line through one story on PostgreSQL (a graph with
 * branches, a merge, two heads, a dependency, a non-transactional revision, failures,
 * drift, stamp and repair), its output compared byte for byte with the committed
 * transcript {@code src/test/resources/transcripts/cli.txt}. Whatever changes inside, the
 * output users and their scripts read stays the same; a deliberate change is made by
 * running the test with {@code -Dtranscripts.update=true} and reviewing the diff.
 */
@PostgresDatabase
class CliTranscriptTests {

	@TempDir
	Path directory;

	@Test
	void everyCommandPrintsWhatTheTranscriptRecords(TestDatabase database) throws IOException, SQLException {
		RevisionFiles files = new RevisionFiles(this.directory).branched()
			.write("006_depends", "Task tags", "CREATE TABLE task_tags (task_id INT, tag_id INT REFERENCES tags(id));",
					"DROP TABLE task_tags;", "revision: a1b2c3d4e5f6", "down_revision: 005", "depends_on: 004")
			.write("007_concurrently", "Index task tags concurrently",
					"CREATE INDEX CONCURRENTLY ix_task_tags_tag ON task_tags (tag_id);",
					"DROP INDEX CONCURRENTLY ix_task_tags_tag;", "revision: a1b2ffff0007",
					"down_revision: a1b2c3d4e5f6", "transactional: false")
			.write("008_audit", "Audit log", "CREATE TABLE audit (id SERIAL PRIMARY KEY, entry TEXT);",
					"DROP TABLE audit;", "revision: 008", "down_revision: 005", "branch_labels: audit");
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", files.location());
		environment.put("MIGRATIONS_URL", database.jdbcUrl());
		environment.put("MIGRATIONS_USER", database.user());
		if (database.password() != null) {
			environment.put("MIGRATIONS_PASSWORD", database.password());
		}
		CliRunner cli = new CliRunner(environment);
		Transcript transcript = new Transcript().replace(this.directory.toString(), "<dir>")
			.replace(database.name(), "<database>")
			.replace(database.user(), "<user>");
		Session session = new Session(cli, transcript);

		session.run("history");
		session.run("history", "-v");
		session.run("history", "--json");
		session.run("heads", "-v");
		session.run("heads", "--json");
		session.run("branches", "-v");
		session.run("show", "005");
		session.run("show", "a1b2");
		session.run("show", "audit@head");
		session.run("current");
		session.run("status");
		session.run("check");
		session.run("upgrade", "base:heads", "--sql");
		session.run("downgrade", "heads:base", "--sql");
		session.run("stamp", "base:005", "--sql");
		session.run("upgrade", "head");
		session.run("upgrade", "nope");
		session.run("upgrade", "003");
		session.run("current", "-v");
		session.run("history", "-i", "-r", "001:current");
		session.run("upgrade", "--sql");
		session.run("upgrade", "heads");
		session.run("current");
		session.run("status");
		session.run("status", "--json");
		session.run("check");
		session.run("downgrade", "audit@base");
		session.run("downgrade", "-1");
		session.run("current");
		session.run("stamp", "heads");
		session.run("current", "--json");
		session.run("stamp", "001", "--purge");
		session.run("current");
		session.run("stamp", "heads");
		session.run("downgrade", "base");
		session.run("upgrade", "heads");

		Files.writeString(this.directory.resolve("002_user_preferences.sql"),
				Files.readString(this.directory.resolve("002_user_preferences.sql")).replace("SERIAL", "BIGSERIAL"));
		session.run("check");
		session.run("status");
		session.run("upgrade");
		session.run("repair", "--checksums");
		session.run("check");

		files.write("009_broken", "Broken revision", "CREATE TABLE ok (id INT);\nCREATE TABLE broken (id nosuchtype);",
				"DROP TABLE broken;", "revision: 009", "down_revision: 008");
		session.run("upgrade");
		session.run("status");
		files
			.write("009_broken", "Broken revision", "CREATE TABLE ok (id INT);", "DROP TABLE ok;", "revision: 009",
					"down_revision: 008")
			.write("010_broken_nontx", "Broken outside a transaction",
					"CREATE TABLE kept (id INT);\nCREATE INDEX CONCURRENTLY ix_missing ON missing (id);",
					"DROP TABLE kept;", "revision: 010", "down_revision: 009", "transactional: false");
		session.run("upgrade");
		session.run("status");
		session.run("check");
		session.run("upgrade");
		session.run("repair");
		session.run("current");
		session.run("history", "-r", "008:");
		session.run("--url", "jdbc:postgresql://127.0.0.1:1/none", "current");
		session.run("merge", "-m", "join the heads", "heads", "--rev-id", "0c0ffee00001");
		session.run("revision", "-m", "Add: colon message", "--rev-id", "0c0ffee00002");
		session.run("revision", "-m", "on a branch", "--head", "audit@head", "--rev-id", "0c0ffee00003",
				"--branch-label", "more");
		session.run("heads");
		try (var written = Files.list(this.directory)) {
			for (Path file : written.filter((file) -> file.getFileName().toString().startsWith("2025"))
				.sorted()
				.toList()) {
				transcript.command("cat " + file.getFileName()).section("file", Files.readString(file));
			}
		}

		transcript.assertMatches(Path.of("src/test/resources/transcripts/cli.txt"));
	}

	/** Runs commands and writes each with what it printed into the transcript. */
	private record Session(CliRunner cli, Transcript transcript) {

		void run(String... args) {
			CliRunner.Result result = this.cli.run(args);
			this.transcript.command("migrations " + String.join(" ", args) + "  # exit " + result.exitCode())
				.section("out", result.out())
				.section("err", result.err());
		}

	}

}
