package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.RevisionFileException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The MySQL splitter corpus: each case asserts the exact statements and their lines, as
 * the {@code mysql} client would send them.
 */
class MySqlStatementSplitterTests {

	@Test
	void splitsOnSemicolonsKeepingEachStatementsLine() {
		assertThat(split("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nSELECT 1")).containsExactly(
				stmt("CREATE TABLE a (id int)", 1), stmt("CREATE TABLE b (id int)", 2), stmt("SELECT 1", 3));
	}

	@Test
	void backticksQuoteIdentifiersWithoutEscapes() {
		assertThat(split("CREATE TABLE `a;b` (`it's` int, `x``;y` int);\nSELECT 1;"))
			.containsExactly(stmt("CREATE TABLE `a;b` (`it's` int, `x``;y` int)", 1), stmt("SELECT 1", 2));
	}

	@Test
	void backslashesEscapeInBothKindsOfString() {
		assertThat(split("SELECT 'it\\'s; ok', \"a \\\"; b\", 'c'';d', 'e\\\\';\nSELECT 2;"))
			.containsExactly(stmt("SELECT 'it\\'s; ok', \"a \\\"; b\", 'c'';d', 'e\\\\'", 1), stmt("SELECT 2", 2));
	}

	@Test
	void hashAndDashDashSpaceStartComments() {
		assertThat(split("# it's a comment;\nSELECT 1; -- it's one too;\nSELECT 2 # and; this\n;\n--\nSELECT 3--1;"))
			.containsExactly(stmt("SELECT 1", 2), stmt("SELECT 2", 3), stmt("SELECT 3--1", 6));
	}

	@Test
	void blockCommentsDoNotNestAndVersionCommentsAreKept() {
		assertThat(split("/* a; /* b; */ SELECT 1;\n/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SELECT 2 */;\n"
				+ "SELECT /*+ MAX_EXECUTION_TIME(1) */ 3;"))
			.containsExactly(stmt("SELECT 1", 1), stmt("/*!40101 SET NAMES utf8mb4 */", 2),
					stmt("/*M!100100 SELECT 2 */", 3), stmt("SELECT /*+ MAX_EXECUTION_TIME(1) */ 3", 4));
	}

	@Test
	void delimiterChangesTheTerminatorForRoutineBodies() {
		assertThat(split("""
				DELIMITER //
				CREATE PROCEDURE p()
				BEGIN
				  SELECT 1; SELECT ';//';
				END //
				delimiter $$
				CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1$$
				DELIMITER ;
				SELECT 2;""")).containsExactly(stmt("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; SELECT ';//';\nEND", 2),
				stmt("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1", 7), stmt("SELECT 2", 9));
	}

	@Test
	void parenthesesAndBeginEndAreNotCounted() {
		assertThat(split("CREATE PROCEDURE p() BEGIN SELECT 1; END;"))
			.containsExactly(stmt("CREATE PROCEDURE p() BEGIN SELECT 1", 1), stmt("END", 1));
	}

	@Test
	void unterminatedQuotesAndCommentsNameTheLineTheyOpenOn() {
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT 1;\nSELECT 'it\\';"))
			.withMessage("test.sql:2: unterminated string ('); close it with '");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT `a;\n"))
			.withMessage("test.sql:1: unterminated quoted identifier (`); close it with `");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("\n/*!40101 SET x = 1;\n"))
			.withMessage("test.sql:2: unterminated version comment (/*!); close it with */");
	}

	@Test
	void clientCommandsAreRefusedWithTheirLine() {
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT 1;\n\\g\n"))
			.withMessageStartingWith("test.sql:2: '\\g' is a command of the mysql client");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("DELIMITER\n"))
			.withMessageStartingWith("test.sql:1: 'DELIMITER' needs the new delimiter");
	}

	@Test
	void thePostgresqlSplitterRefusesDelimiterWithFileAndLine() {
		List<SqlStatement> statements = new ArrayList<>();
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlSyntax.POSTGRESQL.split(new StringReader("SELECT 1;\n\nDELIMITER //\n"), "test.sql",
					statements::add))
			.withMessageStartingWith(
					"test.sql:3: 'DELIMITER' is a command of the mysql client, for MariaDB and " + "MySQL only");
	}

	private static List<SqlStatement> split(String script) {
		List<SqlStatement> statements = new ArrayList<>();
		try {
			SqlSyntax.MYSQL.split(new StringReader(script), "test.sql", statements::add);
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return statements;
	}

	private static SqlStatement stmt(String sql, int line) {
		return new SqlStatement(sql, line);
	}

}
