package dev.migrations.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --sql} with {@code START:TARGET}: the script on standard output, the log on
 * standard error, and no database needed.
 */
class OfflineSqlTests {

	/** A database nobody listens at: offline SQL with a start must never connect. */
	private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nowhere";

	@TempDir
	Path directory;

	private CliRunner cli;

	@BeforeEach
	void revisions() {
		RevisionFiles files = new RevisionFiles(this.directory).branched();
		this.cli = new CliRunner(Map.of("MIGRATIONS_LOCATIONS", files.location()));
	}

	@Test
	void upgradeFromBaseToHeadsWritesACleanScript() {
		CliRunner.Result result = this.cli.run("--url", UNREACHABLE, "upgrade", "base:heads", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				INFO  [migrations] Running upgrade 002 -> 004, Add tags
				INFO  [migrations] Running upgrade 002 -> 003, Add task index
				INFO  [migrations] Running upgrade 003, 004 -> 005, merge task index and tags
				""");
		assertThat(result.out())
			.startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from base\n"
					+ "-- Run it with: psql -v ON_ERROR_STOP=1 -f <this file>")
			.contains("CREATE TABLE IF NOT EXISTS \"migrations_applied\"")
			.contains("-- Running upgrade  -> 001, initial schema\n\nBEGIN;\n\nCREATE TABLE users")
			.contains("CREATE TABLE tags (id SERIAL PRIMARY KEY, name TEXT NOT NULL);")
			.endsWith("COMMIT;\n\n")
			.doesNotContain("INFO");
		assertThat(result.out().indexOf("-> 004, Add tags")).isLessThan(result.out().indexOf("-> 003, Add task index"));
	}

	@Test
	void upgradeBetweenTwoRevisions() {
		CliRunner.Result result = this.cli.run("upgrade", "001:002", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err())
			.isEqualTo("INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table\n");
		assertThat(result.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from 001\n")
			.contains("CREATE TABLE user_preferences")
			.doesNotContain("CREATE TABLE users");
	}

	@Test
	void upgradeWithoutStartOrDatabaseStartsAtBaseAsAlembicDoes() {
		CliRunner.Result result = this.cli.run("upgrade", "head", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).startsWith("""
				INFO  [migrations] No database given: the script starts at base (give START:TARGET to choose)
				INFO  [migrations] Running upgrade  -> 001, initial schema
				""");
		assertThat(result.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from base\n");
	}

	@Test
	void downgradeFromHeadsToBase() {
		CliRunner.Result result = this.cli.run("--url", UNREACHABLE, "downgrade", "heads:base", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("""
				INFO  [migrations] Running downgrade 005 -> 003, 004, merge task index and tags
				INFO  [migrations] Running downgrade 003 -> 002, Add task index
				INFO  [migrations] Running downgrade 004 -> 002, Add tags
				INFO  [migrations] Running downgrade 002 -> 001, Add user preferences table
				INFO  [migrations] Running downgrade 001 -> , initial schema
				""");
		assertThat(result.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): downgrade from 005\n")
			.contains("DROP TABLE user_preferences;")
			.contains("DELETE FROM \"migrations_applied\" WHERE revision = '001';");
	}

	@Test
	void downgradeWithoutStartNeedsADatabase() {
		CliRunner.Result result = this.cli.run("downgrade", "-1", "--sql");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("""
				FAILED: 'downgrade --sql' needs the revisions to start from: give START:TARGET (e.g. heads:base), \
				or a database to read the current heads from (--url)
				Try 'migrations downgrade --help' for usage.
				""");
	}

	@Test
	void stampFromBaseToHeads() {
		CliRunner.Result result = this.cli.run("stamp", "base:heads", "--sql");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("INFO  [migrations] Running stamp_revision  -> 005\n");
		assertThat(result.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): stamp from base\n")
			.contains("-- Running stamp_revision  -> 005")
			.contains("VALUES ('005', '003,004', 'merge task index and tags'")
			.doesNotContain("CREATE TABLE users");
	}

	@Test
	void aRangeWithoutSqlIsAUsageError() {
		CliRunner.Result result = this.cli.run("upgrade", "base:heads");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err())
			.startsWith("FAILED: 'base:heads' names a start, which only --sql takes; give the target alone\n");
	}

	@Test
	void aMalformedRangeIsAUsageError() {
		CliRunner.Result result = this.cli.run("upgrade", "base:", "--sql");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err())
			.startsWith("FAILED: 'base:' is not START:TARGET; write e.g. base:heads, heads:base or a1b2:c3d4\n");
	}

	@Test
	void anUnknownTargetFailsWithoutWritingAnything() {
		CliRunner.Result result = this.cli.run("upgrade", "base:nope", "--sql");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: Can't locate revision identified by 'nope'");
	}

}
