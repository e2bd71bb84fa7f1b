package dev.migrations.core.internal.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.core.RevisionFileException;
import dev.migrations.core.graph.RevisionNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQL revision files: the header, sections and statement streaming.
 */
class SqlRevisionFileTests {

	static final String FILE = "classpath:db/revisions/002_x.sql";

	@TempDir
	Path directory;

	@Test
	void readsEveryHeaderKey() {
		SqlRevisionScript script = load("""
				-- Add user preferences table
				--
				-- revision: 3f2a9c1b7d4e
				-- down_revision: 1a2b3c4d5e6f
				-- branch_labels: prefs
				-- depends_on: 9e8d7c6b5a4f, other.label
				-- create_date: 2025-01-01 12:00:00
				-- transactional: false

				-- +upgrade
				CREATE TABLE user_preferences (id SERIAL PRIMARY KEY);

				-- +downgrade
				DROP TABLE user_preferences;
				""");
		assertThat(script.node()).isEqualTo(new RevisionNode("3f2a9c1b7d4e", List.of("1a2b3c4d5e6f"),
				List.of("9e8d7c6b5a4f", "other.label"), Set.of("prefs"), "Add user preferences table", FILE, true));
		assertThat(script.transactional()).isFalse();
		assertThat(script.createDate()).isEqualTo("2025-01-01 12:00:00");
		assertThat(script.location()).isEqualTo(FILE);
		assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
	}

	@Test
	void minimalHeaderIsATransactionalIrreversibleBaseWithoutMessage() {
		SqlRevisionScript script = load("-- revision: 001\n-- +upgrade\nSELECT 1;\n");
		assertThat(script.node()).isEqualTo(new RevisionNode("001", List.of(), List.of(), Set.of(), "", FILE, false));
		assertThat(script.transactional()).isTrue();
		assertThat(script.createDate()).isNull();
	}

	@Test
	void downRevisionNoneOrEmptyIsABase() {
		assertThat(load("-- revision: a1\n-- down_revision: None\n-- +upgrade\n").node().downRevisions()).isEmpty();
		assertThat(load("-- revision: a1\n-- down_revision:\n-- +upgrade\n").node().downRevisions()).isEmpty();
	}

	@Test
	void downRevisionListIsAMergePoint() {
		assertThat(load("-- revision: m1\n-- down_revision: a1, b2 ,c3\n-- +upgrade\n").node().downRevisions())
			.containsExactly("a1", "b2", "c3");
	}

	@Test
	void messageIsTheFirstParagraphOfTheOtherCommentLines() {
		SqlRevisionScript script = load("""
				-- Add the tasks
				-- and their owners
				--
				-- A second paragraph, not part of the message.
				-- revision: 002
				-- Note: a comment with a colon is text too.
				-- +upgrade
				""");
		assertThat(script.node().message()).isEqualTo("Add the tasks and their owners");
	}

	@Test
	void ordinaryCommentLinesWithColonsAreText() {
		SqlRevisionScript script = load("""
				-- Author: Jane Doe
				-- Ticket: TODO-123
				-- Reason: users asked for it
				-- See: https://example.com/docs
				-- Note: run at night
				-- Reviewed: yes
				-- Version: 2.1
				-- revision: 002
				-- +upgrade
				""");
		assertThat(script.node().message()).startsWith("Author: Jane Doe Ticket: TODO-123").endsWith("Version: 2.1");
	}

	@Test
	void messageKeyWinsOverTheCommentLines() {
		assertThat(load("-- Some text\n-- message: The message\n-- revision: 002\n-- +upgrade\n").node().message())
			.isEqualTo("The message");
	}

	@Test
	void emptyDowngradeSectionIsAReversibleNoOp() throws SQLException {
		SqlRevisionScript script = load("-- revision: 002\n-- +upgrade\nSELECT 1;\n-- +downgrade\n");
		assertThat(script.node().reversible()).isTrue();
		assertThat(statements(script, false)).isEmpty();
	}

	@Test
	void streamsEachSectionsStatementsWithTheirFileLines() throws SQLException {
		SqlRevisionScript script = load("""
				-- revision: 002
				-- +upgrade
				CREATE TABLE a (id int);
				-- a comment
				INSERT INTO a VALUES (1)
				-- a comment that ends the section

				-- +downgrade
				DROP TABLE a;
				""");
		assertThat(statements(script, true)).containsExactly(new SqlStatement("CREATE TABLE a (id int)", 3),
				new SqlStatement("INSERT INTO a VALUES (1)", 5));
		assertThat(statements(script, false)).containsExactly(new SqlStatement("DROP TABLE a", 9));
	}

	@Test
	void handlerFailureStopsTheStream() {
		SqlRevisionScript script = load("-- revision: 002\n-- +upgrade\nSELECT 1;\nSELECT 2;\n");
		List<SqlStatement> seen = new ArrayList<>();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> script.forEachUpgradeStatement((statement) -> {
			seen.add(statement);
			throw new SQLException("relation does not exist", "42P01");
		})).withMessage("relation does not exist");
		assertThat(seen).containsExactly(new SqlStatement("SELECT 1", 3));
	}

	@Test
	void unterminatedStringInEitherSectionIsReportedByTheCheckBeforeARunNotByLoading() {
		SqlRevisionScript upgradeOpen = load(
				"-- revision: 002\n-- +upgrade\nSELECT 1;\nSELECT 'oops;\n-- +downgrade\nSELECT 2;\n");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> upgradeOpen.checkStatements(null))
			.withMessage(FILE + ":4: unterminated string ('); close it with '");
		SqlRevisionScript downgradeOpen = load(
				"-- revision: 002\n-- +upgrade\nSELECT 1;\n-- +downgrade\nDO $$ BEGIN\n");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> downgradeOpen.checkStatements(SqlSyntax.POSTGRESQL))
			.withMessage(FILE + ":5: unterminated dollar-quoted string ($$); close it with $$");
	}

	@Test
	void aCheckThatPassedIsNotRepeatedForTheSameSyntax() throws IOException {
		Path file = Files.createTempFile(this.directory, "revision", ".sql");
		Files.writeString(file, "-- revision: 002\n-- +upgrade\nSELECT 1;\n");
		SqlRevisionScript script = SqlRevisionFile.load(new ScriptResource.FileResource(FILE, file));
		script.checkStatements(SqlSyntax.POSTGRESQL);
		Files.writeString(file, "-- revision: 002\n-- +upgrade\nSELECT 'open;\n");

		script.checkStatements(SqlSyntax.POSTGRESQL);

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> script.checkStatements(SqlSyntax.MYSQL))
			.withMessageContaining(FILE + ":3: unterminated string");
	}

	@Test
	void irreversibleRevisionHasNoDowngradeStatements() throws SQLException {
		SqlRevisionScript script = load("-- revision: 002\n-- +upgrade\nSELECT 1;\n");
		assertThat(script.node().reversible()).isFalse();
		assertThat(statements(script, false)).isEmpty();
	}

	@Test
	void markersAreFoundWithCrlfAndBom() throws SQLException {
		SqlRevisionScript script = load(
				"\uFEFF-- revision: 002\r\n-- +upgrade\r\nSELECT 1;\r\n-- +downgrade\r\nSELECT 2;");
		assertThat(statements(script, true)).containsExactly(new SqlStatement("SELECT 1", 3));
		assertThat(statements(script, false)).containsExactly(new SqlStatement("SELECT 2", 5));
	}

	@Test
	void commentsThatOnlyResembleMarkersAreSql() throws SQLException {
		SqlRevisionScript script = load("-- revision: 002\n-- +upgrade\n-- +update the counters\nSELECT 1;\n");
		assertThat(statements(script, true)).containsExactly(new SqlStatement("SELECT 1", 4));
	}

	@Test
	void everyTransactionControlStatementIsRefusedInATransactionalRevision() {
		for (String statement : List.of("BEGIN", "begin transaction isolation level serializable", "START TRANSACTION",
				"COMMIT", "commit work", "COMMIT AND CHAIN", "END", "END TRANSACTION", "ROLLBACK", "rollback work",
				"ABORT", "PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'",
				"/* note */ COMMIT")) {
			String keyword = statement.replaceAll("/\\*.*\\*/", "").strip().split(" ")[0].toUpperCase();
			assertThatExceptionOfType(RevisionFileException.class).as(statement)
				.isThrownBy(() -> checked("-- revision: 001\n-- +upgrade\nSELECT 1;\n" + statement + ";\n"))
				.satisfies((ex) -> assertThat(ex.line()).isEqualTo(4))
				.satisfies((ex) -> assertThat(ex.problem()).startsWith("'" + keyword));
		}
	}

	@Test
	void statementsThatOnlyLookLikeTransactionControlAreAccepted() {
		for (String statement : List.of("ROLLBACK TO SAVEPOINT s", "rollback to s", "ROLLBACK WORK TO SAVEPOINT s",
				"SAVEPOINT s", "RELEASE SAVEPOINT s", "PREPARE q AS SELECT 1", "SELECT 'COMMIT'",
				"CREATE TABLE ends (begin_at INT)", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")) {
			assertThat(checked("-- revision: 001\n-- +upgrade\n" + statement + ";\n").transactional()).as(statement)
				.isTrue();
		}
		assertThat(checked("-- revision: 001\n-- transactional: false\n-- +upgrade\nBEGIN;\nSELECT 1;\nCOMMIT;\n")
			.transactional()).isFalse();
	}

	/** Loads and checks the statements, as a run does before the revision runs. */
	private SqlRevisionScript checked(String content) {
		SqlRevisionScript script = load(content);
		script.checkStatements(null);
		return script;
	}

	private SqlRevisionScript load(String content) {
		return load(this.directory, content);
	}

	static SqlRevisionScript load(Path directory, String content) {
		try {
			Path file = Files.createTempFile(directory, "revision", ".sql");
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return SqlRevisionFile.load(new ScriptResource.FileResource(FILE, file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<SqlStatement> statements(SqlRevisionScript script, boolean upgrade) throws SQLException {
		List<SqlStatement> statements = new ArrayList<>();
		if (upgrade) {
			script.forEachUpgradeStatement(statements::add);
		}
		else {
			script.forEachDowngradeStatement(statements::add);
		}
		return statements;
	}

}
