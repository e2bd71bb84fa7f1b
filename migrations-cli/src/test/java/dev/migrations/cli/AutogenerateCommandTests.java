package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate --model model.sql}: the model compared with the
 * revisions in scratch databases on the server of {@code --url} (or {@code --dev-url}),
 * the revision written on the head.
 */
@PostgresDatabase
class AutogenerateCommandTests {

	@TempDir
	Path temporary;

	private Path directory;

	private CliRunner cli;

	private Path model;

	@BeforeEach
	void revisionsAndModel(TestDatabase database) throws IOException {
		this.directory = Files.createDirectory(this.temporary.resolve("revisions"));
		Files.writeString(this.directory.resolve("001_users.sql"), """
				-- users
				--
				-- revision: 001

				-- +upgrade
				CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);

				-- +downgrade
				DROP TABLE users;
				""");
		this.model = this.temporary.resolve("model.sql");
		Files.writeString(this.model,
				"""
						create table users (id bigint not null, email varchar(200) not null, name varchar(100), primary key (id));
						""");
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", "filesystem:" + this.directory);
		environment.put("MIGRATIONS_URL", database.jdbcUrl());
		environment.put("MIGRATIONS_USER", database.user());
		this.cli = new CliRunner(environment);
	}

	@Test
	void writesTheDifferenceAsARevisionOnTheHead() throws IOException {
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "Add user names", "--model",
				this.model.toString(), "--rev-id", "002");
		assertThat(result.exitCode()).as(result.err()).isZero();
		Path file = this.directory.resolve("20250102_0304_002_add_user_names.sql");
		assertThat(result.out()).isEqualTo(file + "\n");
		assertThat(result.err()).as("a nullable column is safe").doesNotContain("Lint");
		assertThat(Files.readString(file)).isEqualTo("""
				-- Add user names
				--
				-- revision: 002
				-- down_revision: 001
				-- create_date: 2025-01-02 03:04:05

				-- +upgrade
				ALTER TABLE users ADD COLUMN name character varying(100);

				-- +downgrade
				-- review: drops data (column users.name)
				ALTER TABLE users DROP COLUMN name;
				""");
		CliRunner.Result again = this.cli.run("revision", "--autogenerate", "-m", "again", "--model",
				this.model.toString());
		assertThat(again.out()).isEqualTo("No changes in schema detected.\n");
		assertThat(again.exitCode()).isZero();
		assertThat(sqlFiles()).hasSize(2);
	}

	@Test
	void theGeneratedRevisionIsLintedAndItsFindingsPrintedWithoutChangingTheExitCode() throws IOException {
		Files.writeString(this.model, """
				create table users (id bigint not null, email varchar(200) not null, primary key (id));
				create index ix_users_email on users (email);
				""");
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "Index the emails", "--model",
				this.model.toString(), "--rev-id", "002");
		Path file = this.directory.resolve("20250102_0304_002_index_the_emails.sql");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(file + "\n");
		assertThat(Files.readString(file)).contains("-- +upgrade\nCREATE INDEX ix_users_email ON users (email);\n");
		assertThat(result.err().lines().filter((line) -> line.startsWith(file.toString())).toList())
			.containsExactly(file + ":8: create-index-not-concurrently: CREATE INDEX on users takes a SHARE lock, "
					+ "blocking writes to it until the index is built — use CREATE INDEX CONCURRENTLY "
					+ "(DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a revision marked "
					+ "'-- transactional: false'");
		assertThat(result.err()).contains("INFO  [migrations] Lint: 1 error(s) and 0 warning(s) in " + file);
	}

	@Test
	void aRevisionThatFailsItsRoundTripIsWrittenWithAWarningAndExitsOne() throws IOException {
		Files.writeString(this.directory.resolve("002_view.sql"), """
				-- a view on the users
				--
				-- revision: 002
				-- down_revision: 001

				-- +upgrade
				CREATE VIEW user_emails AS SELECT email FROM users;

				-- +downgrade
				DROP VIEW user_emails;
				""");
		Files.writeString(this.model, """
				create table users (id bigint not null, email varchar(300) not null, primary key (id));
				""");
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "Longer emails", "--model",
				this.model.toString(), "--rev-id", "003");
		Path file = this.directory.resolve("20250102_0304_003_longer_emails.sql");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEqualTo(file + "\n");
		assertThat(result.err()).startsWith("FAILED: the generated revision did not survive its round trip")
			.contains("cannot alter type of a column used by a view or rule");
		assertThat(Files.readString(file)).contains("""
				-- +upgrade
				-- WARNING: round trip failed: the generated upgrade failed in a scratch database at line 1""")
			.contains("ALTER TABLE users ALTER COLUMN email TYPE character varying(300);\n");
	}

	@Test
	void anUnreachableDevUrlIsNamed() throws IOException {
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "x", "--model",
				this.model.toString(), "--dev-url", "jdbc:postgresql://127.0.0.1:1/nowhere");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith(
				"FAILED: Autogenerate could not create its scratch databases on jdbc:postgresql://127.0.0.1:1/nowhere")
			.contains("--dev-url", "migrations.autogenerate.dev-url");
		assertThat(sqlFiles()).hasSize(1);
	}

	@Test
	void aMariaDbDevUrlIsRefusedAsNotSupportedYet() throws IOException {
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "x", "--model",
				this.model.toString(), "--dev-url", "jdbc:mariadb://127.0.0.1:3306/dev?user=root");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("FAILED: Autogenerate does not support MariaDB or MySQL yet (the scratch server "
					+ "jdbc:mariadb://127.0.0.1:3306/dev?user=root is MariaDB)")
			.contains("Write the revision by hand: 'migrations revision -m MESSAGE'")
			.doesNotContain("dev-url");
		assertThat(sqlFiles()).hasSize(1);
	}

	@Test
	void aMariaDbDatabaseIsRefusedAsNotSupportedYetWhateverTheDevUrl(TestDatabase database) throws IOException {
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", "filesystem:" + this.directory);
		environment.put("MIGRATIONS_URL", "jdbc:mariadb://127.0.0.1:3306/app");
		environment.put("MIGRATIONS_USER", "root");
		CliRunner.Result result = new CliRunner(environment).run("revision", "--autogenerate", "-m", "x", "--model",
				this.model.toString(), "--dev-url",
				database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.user());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("FAILED: Autogenerate does not support MariaDB or MySQL yet (the application's database "
					+ "is MariaDB)")
			.contains("Write the revision by hand")
			.doesNotContain("dev-url");
		assertThat(sqlFiles()).hasSize(1);
	}

	@Test
	void aModelIsNeeded() {
		CliRunner.Result result = this.cli.run("revision", "--autogenerate", "-m", "x");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--autogenerate needs --model FILE");
	}

	private List<Path> sqlFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.toList();
		}
	}

}
