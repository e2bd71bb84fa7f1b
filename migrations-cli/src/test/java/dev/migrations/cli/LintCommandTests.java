package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
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
 * {@code migrations lint}, {@code check} failing on lint errors of pending revisions, and
 * the global {@code --ddl-lock-timeout} and {@code --ddl-retry-budget} options.
 */
@PostgresDatabase
class LintCommandTests {

	@TempDir
	Path directory;

	private RevisionFiles files;

	private CliRunner cli;

	private CliRunner offline;

	@BeforeEach
	void setUp(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		}
		this.files = new RevisionFiles(this.directory).seeds()
			.write("003_task_index", "Add task index", "CREATE INDEX ix_tasks_user_id ON tasks (user_id);",
					"DROP INDEX ix_tasks_user_id;", "revision: 003", "down_revision: 002")
			.write("004_rename", "Rename email", "ALTER TABLE users RENAME COLUMN email TO address;",
					"ALTER TABLE users RENAME COLUMN address TO email;", "revision: 004", "down_revision: 003");
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", this.files.location());
		this.offline = new CliRunner(new HashMap<>(environment));
		environment.put("MIGRATIONS_URL", database.jdbcUrl());
		environment.put("MIGRATIONS_USER", database.user());
		if (database.password() != null) {
			environment.put("MIGRATIONS_PASSWORD", database.password());
		}
		this.cli = new CliRunner(environment);
	}

	@Test
	void withoutADatabaseLintsAllRevisionsAndExitsOneOnAnError() {
		CliRunner.Result result = this.offline.run("lint");

		String dir = this.directory.toString();
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEqualTo(dir + "/003_task_index.sql:7: create-index-not-concurrently: CREATE INDEX "
				+ "on tasks takes a SHARE lock, blocking writes to it until the index is built — use CREATE INDEX "
				+ "CONCURRENTLY (DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a revision marked "
				+ "'-- transactional: false'\n" + dir + "/004_rename.sql:7: rename-breaks-old-code: renaming column "
				+ "users.email to address breaks the release still running during a rolling deploy, which uses the "
				+ "old name — add the new name beside the old one (a column both releases write, or a view), move "
				+ "the code to it, and drop the old name in a later release\n");
		assertThat(result.err()).isEqualTo("FAILED: lint found 1 error(s) and 1 warning(s) in all revisions\n");
	}

	@Test
	void withADatabaseLintsThePendingRevisions() {
		assertThat(this.cli.run("upgrade", "003").exitCode()).isZero();

		CliRunner.Result result = this.cli.run("lint");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("004_rename.sql:7: rename-breaks-old-code: ").doesNotContain("003");
		assertThat(result.err()).isEqualTo("INFO  [migrations] 1 warning(s), no errors in the pending revisions\n");
	}

	@Test
	void namedRevisionsAreLintedAlone() {
		CliRunner.Result result = this.cli.run("lint", "001", "002");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("INFO  [migrations] No findings in 001, 002\n");
	}

	@Test
	void jsonGivesEachFindingsFieldsAndTheCounts() {
		CliRunner.Result result = this.offline.run("lint", "--json", "004");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("\"rule\": \"rename-breaks-old-code\"")
			.contains("\"severity\": \"warning\"")
			.contains("\"line\": 7")
			.contains("\"lock\": \"\"")
			.contains("\"errors\": 0")
			.contains("\"warnings\": 1");
	}

	@Test
	void checkFailsOnLintErrorsOfPendingRevisions() {
		assertThat(this.cli.run("upgrade", "002").exitCode()).isZero();

		CliRunner.Result result = this.cli.run("check");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("  - 2 revision(s) pending: 003, 004; run 'migrations upgrade'\n")
			.contains("  - lint error in pending revision 003: " + this.directory
					+ "/003_task_index.sql:7: create-index-not-concurrently: ")
			.doesNotContain("rename-breaks-old-code");
		assertThat(result.err()).isEqualTo("FAILED: check failed: 2 problem(s) found\n");
	}

	@Test
	void ddlOptionsAreGlobalOptionsLikeUrl() {
		CliRunner.Result result = this.cli.run("--ddl-lock-timeout", "500ms", "--ddl-retry-budget", "1m", "upgrade");

		assertThat(result.exitCode()).isZero();
		assertThat(this.cli.run("--ddl-lock-timeout", "soon", "upgrade").err())
			.startsWith("FAILED: Invalid value for option '--ddl-lock-timeout': 'soon' is not a duration; write e.g. "
					+ "500ms, 2s, 5m (a bare number is seconds)");
	}

}
