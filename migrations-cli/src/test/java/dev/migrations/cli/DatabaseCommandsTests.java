package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that use the database, end to end against PostgreSQL: the seeds' Quick
 * Reference ({@code current}, {@code upgrade head}, {@code downgrade -1},
 * {@code downgrade <rev>}, {@code downgrade base}, {@code stamp head},
 * {@code upgrade head --sql}) and {@code status}, {@code check}, {@code repair}.
 */
@PostgresDatabase
class DatabaseCommandsTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	private RevisionFiles files;

	private CliRunner cli;

	@BeforeEach
	void emptyDatabase(TestDatabase database) throws SQLException {
		this.database = database;
		execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		this.files = new RevisionFiles(this.directory).seeds();
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", this.files.location());
		environment.put("MIGRATIONS_URL", database.jdbcUrl());
		environment.put("MIGRATIONS_USER", database.user());
		if (database.password() != null) {
			environment.put("MIGRATIONS_PASSWORD", database.password());
		}
		this.cli = new CliRunner(environment);
	}

	@Test
	void currentPrintsNothingAtBase() {
		CliRunner.Result result = this.cli.run("current");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEmpty();
	}

	@Test
	void upgradeHeadLogsEachRevisionAsAlembicDoes() throws SQLException {
		CliRunner.Result result = this.cli.run("upgrade", "head");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				""");
		assertThat(tableExists("user_preferences")).isTrue();
		assertThat(this.cli.run("current").out()).isEqualTo("002 (head)\n");
	}

	@Test
	void upgradeDefaultsToHeadsAndSaysWhenNothingIsToDo() {
		assertThat(this.cli.run("upgrade").exitCode()).isZero();

		CliRunner.Result again = this.cli.run("upgrade");

		assertThat(again.exitCode()).isZero();
		assertThat(again.err()).isEqualTo("INFO  [migrations] Nothing to upgrade: the database is at 002\n");
	}

	@Test
	void upgradeByRelativeStepsAndToARevision() {
		CliRunner.Result plusOne = this.cli.run("upgrade", "+1");
		String afterPlusOne = this.cli.run("current").out();
		CliRunner.Result toRevision = this.cli.run("upgrade", "002");

		assertThat(plusOne.exitCode()).isZero();
		assertThat(plusOne.err()).isEqualTo("INFO  [migrations] Running upgrade  -> 001, initial schema\n");
		assertThat(afterPlusOne).isEqualTo("001\n");
		assertThat(toRevision.exitCode()).isZero();
		assertThat(toRevision.err())
			.isEqualTo("INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table\n");
	}

	@Test
	void downgradeMinusOneTakesDownTheNewestRevision() throws SQLException {
		this.cli.run("upgrade", "head");

		CliRunner.Result result = this.cli.run("downgrade", "-1");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err())
			.isEqualTo("INFO  [migrations] Running downgrade 002 -> 001, Add user preferences table\n");
		assertThat(tableExists("user_preferences")).isFalse();
		assertThat(tableExists("users")).isTrue();
		assertThat(this.cli.run("current").out()).isEqualTo("001\n");
	}

	@Test
	void downgradeToARevisionThenToBase() throws SQLException {
		this.cli.run("upgrade", "head");

		CliRunner.Result toRevision = this.cli.run("downgrade", "001");
		CliRunner.Result toBase = this.cli.run("downgrade", "base");

		assertThat(toRevision.exitCode()).isZero();
		assertThat(toRevision.err())
			.isEqualTo("INFO  [migrations] Running downgrade 002 -> 001, Add user preferences table\n");
		assertThat(toBase.exitCode()).isZero();
		assertThat(toBase.err()).isEqualTo("INFO  [migrations] Running downgrade 001 -> , initial schema\n");
		assertThat(tableExists("users")).isFalse();
		assertThat(this.cli.run("current").out()).isEmpty();
	}

	@Test
	void downgradeAtBaseFailsWithTheGraphsMessage() {
		CliRunner.Result result = this.cli.run("downgrade", "-1");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: ").hasLineCount(1);
	}

	@Test
	void stampHeadRecordsWithoutRunning() throws SQLException {
		CliRunner.Result result = this.cli.run("stamp", "head");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("INFO  [migrations] Running stamp_revision  -> 002\n");
		assertThat(tableExists("users")).isFalse();
		assertThat(this.cli.run("current").out()).isEqualTo("002 (head)\n");
	}

	@Test
	void stampWithPurgeReplacesTheState() {
		this.cli.run("upgrade", "head");

		CliRunner.Result result = this.cli.run("stamp", "--purge", "001");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("INFO  [migrations] Running stamp_revision 002 -> 001\n");
		assertThat(this.cli.run("current").out()).isEqualTo("001\n");
	}

	@Test
	void upgradeHeadSqlStartsAtTheDatabasesHeadsAndChangesNothing() throws SQLException {
		this.cli.run("upgrade", "001");

		CliRunner.Result result = this.cli.run("upgrade", "head", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err())
			.isEqualTo("INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table\n");
		assertThat(result.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from 001\n")
			.contains("CREATE TABLE user_preferences");
		assertThat(tableExists("user_preferences")).isFalse();
		assertThat(this.cli.run("current").out()).isEqualTo("001\n");
	}

	@Test
	void downgradeMinusOneSqlReadsTheHeadsFromTheDatabase() {
		this.cli.run("upgrade", "head");

		CliRunner.Result result = this.cli.run("downgrade", "-1", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err())
			.isEqualTo("INFO  [migrations] Running downgrade 002 -> 001, Add user preferences table\n");
		assertThat(result.out()).contains("DROP TABLE user_preferences;");
		assertThat(this.cli.run("current").out()).isEqualTo("002 (head)\n");
	}

	@Test
	void graphMarksTheCurrentHeadsAndThePendingRevisions() {
		this.cli.run("upgrade", "001");

		CliRunner.Result result = this.cli.run("graph");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).isEqualTo("""
				flowchart TD
				    r0["001 (current)<br/>initial schema"]
				    r1["002 (head) (pending)<br/>Add user preferences table"]
				    r0 --> r1
				    classDef head stroke-width:3px
				    class r1 head
				    classDef current fill:#d4edda,stroke:#2e7d32,stroke-width:3px
				    class r0 current
				    classDef pending fill:#f5f5f5,stroke-dasharray:5 5
				    class r1 pending
				""");
	}

	@Test
	void historyMarksTheCurrentRevision() {
		this.cli.run("upgrade", "001");

		CliRunner.Result indicated = this.cli.run("history", "-i");
		CliRunner.Result range = this.cli.run("history", "-r", "current:");

		assertThat(indicated.exitCode()).isZero();
		assertThat(indicated.out()).isEqualTo("""
				001 -> 002 (head), Add user preferences table
				<base> -> 001 (current), initial schema
				""");
		assertThat(range.out()).isEqualTo("""
				001 -> 002 (head), Add user preferences table
				<base> -> 001, initial schema
				""");
	}

	@Test
	void currentVerboseAndShowCurrent() {
		this.cli.run("upgrade", "head");

		CliRunner.Result verbose = this.cli.run("current", "-v");
		CliRunner.Result show = this.cli.run("show", "current");

		assertThat(verbose.out()).startsWith("Rev: 002 (head)\nParent: 001\nPath: ");
		assertThat(show.out()).isEqualTo(verbose.out());
	}

	@Test
	void currentAsJson() {
		this.cli.run("upgrade", "head");

		CliRunner.Result result = this.cli.run("current", "--json");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("""
				{
				  "current": [
				    {
				      "revision": "002",
				      "downRevisions": ["001"],
				      "dependsOn": [],
				      "branchLabels": [],
				      "message": "Add user preferences table",
				      "source": "filesystem:%s/002_user_preferences.sql",
				      "createDate": null,
				      "head": true,
				      "branchpoint": false,
				      "mergepoint": false
				    }
				  ]
				}
				""".formatted(this.directory));
	}

	@Test
	void statusShowsEveryRevisionOldestFirst() {
		this.cli.run("upgrade", "001");

		CliRunner.Result result = this.cli.run("status");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("+\n");
		String[] lines = result.out().split("\n");
		assertThat(lines).hasSize(9);
		assertThat(lines[0]).isEqualTo("State: PENDING");
		assertThat(lines[1]).isEqualTo("Current: 001");
		assertThat(lines[2]).isEqualTo("Heads: 002");
		assertThat(lines[3])
			.isEqualTo("+----------+----------------------------+---------+---------------------+" + "----------+");
		assertThat(lines[4])
			.isEqualTo("| Revision | Message                    | State   | Applied at          |" + " Duration |");
		assertThat(lines[6]).matches(
				"\\| 001      \\| initial schema             \\| APPLIED \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
						+ "\\| \\d+ ms +\\|");
		assertThat(lines[7])
			.isEqualTo("| 002      | Add user preferences table | PENDING |                     |" + "          |");
		assertThat(lines[8]).isEqualTo(lines[3]);
	}

	@Test
	void statusAsJson() {
		this.cli.run("upgrade", "001");

		CliRunner.Result result = this.cli.run("status", "--json");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("""
				{
				  "state": "PENDING",
				  "current": ["001"],
				  "heads": ["002"],
				  "pending": ["002"],
				  "revisions": [
				    {
				      "revision": "001",
				      "downRevisions": [],
				      "message": "initial schema",
				      "state": "APPLIED",
				      "appliedAt": \"""")
			.contains("\"appliedBy\": \"" + this.database.user() + "\"")
			.contains("\"checksumMatches\": true")
			.contains("\"revision\": \"002\"", "\"state\": \"PENDING\"", "\"appliedAt\": null");
	}

	@Test
	void checkPassesOnlyAtTheHeads() {
		CliRunner.Result pending = this.cli.run("check");
		this.cli.run("upgrade");
		CliRunner.Result upToDate = this.cli.run("check");

		assertThat(pending.exitCode()).isEqualTo(1);
		assertThat(pending.out()).isEqualTo("""
				The database does not match the code (PENDING):
				  - 2 revision(s) pending: 001, 002; run 'migrations upgrade'
				""");
		assertThat(pending.err()).isEqualTo("FAILED: check failed: 1 problem(s) found\n");
		assertThat(upToDate.exitCode()).isZero();
		assertThat(upToDate.out()).isEqualTo("OK: the database is at the code's heads (002)\n");
	}

	@Test
	void driftIsFoundByCheckAndStatusAndAcceptedByRepair() throws IOException {
		this.cli.run("upgrade");
		Path file = this.directory.resolve("001_initial_schema.sql");
		Files.writeString(file, Files.readString(file).replace("email TEXT", "email VARCHAR(200)"));

		CliRunner.Result check = this.cli.run("check");
		CliRunner.Result upgrade = this.cli.run("upgrade", "head");
		String status = this.cli.run("status").out();
		CliRunner.Result repair = this.cli.run("repair", "--checksums");

		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out()).isEqualTo("""
				The database does not match the code (DRIFTED):
				  - revision 001 (filesystem:%s) changed after it was applied: restore the file, or accept the change \
				with 'migrations repair --checksums'
				""".formatted(file));
		assertThat(upgrade.exitCode()).isEqualTo(1);
		assertThat(upgrade.err()).startsWith("FAILED: ").contains("001").hasLineCount(1);
		assertThat(status).startsWith("State: DRIFTED\n")
			.contains("| 001      | initial schema             | DRIFTED |");
		assertThat(repair.exitCode()).isZero();
		assertThat(repair.out()).isEqualTo("Accepted the changed checksum of 001\n");
		assertThat(this.cli.run("check").exitCode()).isZero();
		assertThat(this.cli.run("repair").out()).isEqualTo("Nothing to repair\n");
	}

	@Test
	void aFailedRevisionIsReportedAndRepaired() {
		this.files.write("003_concurrent_index", "index concurrently",
				"CREATE INDEX CONCURRENTLY ix_missing ON no_such_table (id);", "DROP INDEX ix_missing;",
				"revision: 003", "down_revision: 002", "transactional: false");

		CliRunner.Result upgrade = this.cli.run("upgrade");
		CliRunner.Result check = this.cli.run("check");
		CliRunner.Result repair = this.cli.run("repair");

		assertThat(upgrade.exitCode()).isEqualTo(1);
		assertThat(upgrade.err()).startsWith("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				INFO  [migrations] Running upgrade 002 -> 003, index concurrently
				FAILED:\s""").contains("003_concurrent_index.sql", "42P01").doesNotContain("\tat ");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out()).contains("  - revision 003 is recorded FAILED: complete or undo it by hand, then run "
				+ "'migrations repair'\n");
		assertThat(repair.out()).isEqualTo("Cleared the FAILED mark of 003: it counts as not applied\n");
		assertThat(this.cli.run("current").out()).isEqualTo("002\n");
	}

	@Test
	void aDatabaseAheadOfTheCodeIsShownAndFailsCheck() throws IOException {
		this.cli.run("upgrade");
		Files.delete(this.directory.resolve("002_user_preferences.sql"));

		CliRunner.Result current = this.cli.run("current");
		CliRunner.Result status = this.cli.run("status");
		CliRunner.Result check = this.cli.run("check");

		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).isEqualTo("002 (unknown to the code)\n");
		assertThat(status.out()).startsWith("State: AHEAD\nCurrent: 002\nHeads: 001\n")
			.contains("| 002      | Add user preferences table | UNKNOWN |");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out()).isEqualTo("""
				The database does not match the code (AHEAD):
				  - the database records revision(s) unknown to the code: 002 (it is ahead of the code)
				""");
	}

	@Test
	void checkFailsWhenTheRevisionsDoNotFormAValidGraph() {
		this.files.write("003_orphan", "orphan", "SELECT 1;", "", "revision: 003", "down_revision: 999");

		CliRunner.Result result = this.cli.run("check");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ").contains("999", "003_orphan.sql").hasLineCount(1);
	}

	@Test
	void theStateTablesGoToTheSchemaGiven() throws SQLException {
		CliRunner.Result result = this.cli.run("--schema", "audit", "upgrade");

		assertThat(result.exitCode()).isZero();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("SELECT table_schema FROM information_schema.tables "
						+ "WHERE table_name = 'migrations_applied'")) {
			assertThat(tables.next()).isTrue();
			assertThat(tables.getString(1)).isEqualTo("audit");
			assertThat(tables.next()).isFalse();
		}
		assertThat(this.cli.run("--schema", "audit", "current").out()).isEqualTo("002 (head)\n");
		assertThat(this.cli.run("current").out()).isEmpty();
		execute("DROP SCHEMA audit CASCADE");
	}

	@Test
	void databaseUrlInTheSeedsFormIsUsed() {
		String url = this.database.jdbcUrl()
			.replace("jdbc:postgresql://", "postgresql://" + this.database.user()
					+ ((this.database.password() != null) ? ":" + this.database.password() : "") + "@");
		CliRunner cli = new CliRunner(Map.of("DATABASE_URL", url, "MIGRATIONS_LOCATIONS", this.files.location()));

		CliRunner.Result result = cli.run("upgrade", "head");

		assertThat(result.exitCode()).isZero();
		assertThat(cli.run("current").out()).isEqualTo("002 (head)\n");
	}

	@Test
	void anUnreachableDatabaseIsOneLineWithoutStackTrace() {
		CliRunner.Result plain = this.cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "current");
		CliRunner.Result debug = this.cli.run("--debug", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "current");

		assertThat(plain.exitCode()).isEqualTo(1);
		assertThat(plain.err()).startsWith("FAILED: Could not ").hasLineCount(1);
		assertThat(debug.exitCode()).isEqualTo(1);
		assertThat(debug.err()).startsWith(plain.err()).contains("\tat ");
	}

	@Test
	void aMalformedDatabaseUrlNeverShowsThePassword() {
		CliRunner cli = new CliRunner(Map.of("DATABASE_URL", "oracle://admin:s3cret@db.example/app",
				"MIGRATIONS_LOCATIONS", this.files.location()));

		CliRunner.Result result = cli.run("current");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: DATABASE_URL 'oracle://***@db.example/app' cannot be used")
			.doesNotContain("s3cret");
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
