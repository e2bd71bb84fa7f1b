package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.RevisionFileException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The splitter corpus: each case asserts the exact statements and their lines.
 */
class SqlStatementSplitterTests {

	@Test
	void splitsOnSemicolonsKeepingEachStatementsLine() {
		assertThat(split("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"))
			.containsExactly(stmt("CREATE TABLE a (id int)", 1), stmt("CREATE TABLE b (id int)", 2));
	}

	@Test
	void lastStatementNeedsNoSemicolon() {
		assertThat(split("SELECT 1;\nSELECT 2\n")).containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
		assertThat(split("SELECT 1")).containsExactly(stmt("SELECT 1", 1));
	}

	@Test
	void skipsEmptyStatements() {
		assertThat(split(";\n;; SELECT 1;;\n ; \n;")).containsExactly(stmt("SELECT 1", 2));
	}

	@Test
	void emptyAndCommentOnlyScriptsHaveNoStatements() {
		assertThat(split("")).isEmpty();
		assertThat(split("\n\n  \n")).isEmpty();
		assertThat(split("-- only a comment;\n/* and a block; */\n")).isEmpty();
	}

	@Test
	void severalStatementsOnOneLine() {
		assertThat(split("SELECT 1; SELECT 2;SELECT 3")).containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 1),
				stmt("SELECT 3", 1));
	}

	@Test
	void multiLineStatementStartsAtItsFirstNonBlankLine() {
		assertThat(split("\n\n   \n  INSERT INTO t\n  VALUES (1);\n\n\nSELECT 2;"))
			.containsExactly(stmt("INSERT INTO t\n  VALUES (1)", 4), stmt("SELECT 2", 8));
	}

	@Test
	void singleQuotedStringsWithDoubledQuotesAndSemicolons() {
		assertThat(split("INSERT INTO t VALUES ('it''s; here', ';');\nSELECT '''';\nSELECT 'a'';''b'")).containsExactly(
				stmt("INSERT INTO t VALUES ('it''s; here', ';')", 1), stmt("SELECT ''''", 2),
				stmt("SELECT 'a'';''b'", 3));
	}

	@Test
	void backslashIsLiteralInStandardStrings() {
		assertThat(split("SELECT 'C:\\';\nSELECT 2;")).containsExactly(stmt("SELECT 'C:\\'", 1), stmt("SELECT 2", 2));
	}

	@Test
	void escapeStringsWithBackslashEscapes() {
		assertThat(split("SELECT E'it\\'s; \\\\';\nSELECT e'a\\';b''c';\nSELECT 3;"))
			.containsExactly(stmt("SELECT E'it\\'s; \\\\'", 1), stmt("SELECT e'a\\';b''c'", 2), stmt("SELECT 3", 3));
	}

	@Test
	void escapeStringWithEscapedLineEnd() {
		assertThat(split("SELECT E'one\\\ntwo;';\nSELECT 2;")).containsExactly(stmt("SELECT E'one\\\ntwo;'", 1),
				stmt("SELECT 2", 3));
	}

	@Test
	void identifierEndingInEIsNotAnEscapeString() {
		assertThat(split("SELECT name'x\\';\nSELECT 2;")).containsExactly(stmt("SELECT name'x\\'", 1),
				stmt("SELECT 2", 2));
	}

	@Test
	void otherPrefixedStringsAreOrdinaryStrings() {
		assertThat(split("SELECT U&'d\\0061t;a', B'101', X'1F', N'n;';\nSELECT 2"))
			.containsExactly(stmt("SELECT U&'d\\0061t;a', B'101', X'1F', N'n;'", 1), stmt("SELECT 2", 2));
	}

	@Test
	void stringsSpanningLines() {
		assertThat(split("INSERT INTO t VALUES ('line one;\nline two;\n');\nSELECT 2;"))
			.containsExactly(stmt("INSERT INTO t VALUES ('line one;\nline two;\n')", 1), stmt("SELECT 2", 4));
	}

	@Test
	void doubleQuotedIdentifiersContainingSemicolonsAndQuotes() {
		assertThat(split("CREATE TABLE \"a;b\" (\"x\"\"y;\" int);\nSELECT 2;"))
			.containsExactly(stmt("CREATE TABLE \"a;b\" (\"x\"\"y;\" int)", 1), stmt("SELECT 2", 2));
	}

	@Test
	void dollarQuotedFunctionBody() {
		String function = """
				CREATE FUNCTION inc(i integer) RETURNS integer AS $$
				BEGIN
				    RETURN i + 1;
				END;
				$$ LANGUAGE plpgsql;
				SELECT inc(1);
				""";
		assertThat(split(function)).containsExactly(stmt("""
				CREATE FUNCTION inc(i integer) RETURNS integer AS $$
				BEGIN
				    RETURN i + 1;
				END;
				$$ LANGUAGE plpgsql""", 1), stmt("SELECT inc(1)", 6));
	}

	@Test
	void taggedDollarQuotesNestDifferentTags() {
		String script = """
				DO $outer$
				BEGIN
				    EXECUTE $inner$ SELECT ';' $inner$;
				    EXECUTE $$ SELECT 1; $$;
				    RAISE NOTICE 'done $outer';
				END
				$outer$;
				SELECT $a$x$b$;$b$y$a$;
				SELECT 3;
				""";
		assertThat(split(script)).containsExactly(stmt("""
				DO $outer$
				BEGIN
				    EXECUTE $inner$ SELECT ';' $inner$;
				    EXECUTE $$ SELECT 1; $$;
				    RAISE NOTICE 'done $outer';
				END
				$outer$""", 1), stmt("SELECT $a$x$b$;$b$y$a$", 8), stmt("SELECT 3", 9));
	}

	@Test
	void dollarQuoteClosesOnItsTagInsideLongerDollarText() {
		assertThat(split("SELECT $q$a$junk$q$;\nSELECT 2;")).containsExactly(stmt("SELECT $q$a$junk$q$", 1),
				stmt("SELECT 2", 2));
	}

	@Test
	void positionalParametersAndDollarsInIdentifiersAreNotQuotes() {
		assertThat(split("PREPARE p(int) AS SELECT $1;\nCREATE TABLE t$x$ (a$$b int);\nSELECT 3;")).containsExactly(
				stmt("PREPARE p(int) AS SELECT $1", 1), stmt("CREATE TABLE t$x$ (a$$b int)", 2), stmt("SELECT 3", 3));
	}

	@Test
	void lineCommentsBetweenStatementsAreDroppedAndInsideAreKept() {
		String script = """
				-- leading comment; with a semicolon
				SELECT 1; -- trailing comment; another
				SELECT 2 -- inside; kept
				  , 3;
				--
				""";
		assertThat(split(script)).containsExactly(stmt("SELECT 1", 2), stmt("SELECT 2 -- inside; kept\n  , 3", 3));
	}

	@Test
	void commentsAfterTheLastTokenAreNotPartOfTheStatement() {
		assertThat(split("SELECT 1 -- the answer; really\n;\nSELECT 2 /* two */ ;\nSELECT 3 -- no semicolon\n-- end\n"))
			.containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 3), stmt("SELECT 3", 4));
		assertThat(split("SELECT 'a' /* x */ || 'b' /* y */\n")).containsExactly(stmt("SELECT 'a' /* x */ || 'b'", 1));
	}

	@Test
	void semicolonInsideParenthesesIsPartOfTheStatementText() {
		assertThat(split("SELECT (1;) -- c\n;")).containsExactly(stmt("SELECT (1;)", 1));
	}

	@Test
	void doubleDashInsideStringsIsNotAComment() {
		assertThat(split("SELECT '--;';\nSELECT \"--\";")).containsExactly(stmt("SELECT '--;'", 1),
				stmt("SELECT \"--\"", 2));
	}

	@Test
	void nestedBlockComments() {
		String script = """
				/* outer /* inner; */ still comment; */ SELECT 1;
				SELECT /* a; /* b; */ c; */ 2;
				/*
				 * many lines;
				 */
				SELECT 3;
				""";
		assertThat(split(script)).containsExactly(stmt("SELECT 1", 1), stmt("SELECT /* a; /* b; */ c; */ 2", 2),
				stmt("SELECT 3", 6));
	}

	@Test
	void beginAtomicFunctionBody() {
		String script = """
				CREATE FUNCTION add(a integer, b integer) RETURNS integer
				    LANGUAGE SQL
				    IMMUTABLE
				BEGIN ATOMIC
				    SELECT CASE WHEN a IS NULL THEN 0 ELSE a END;
				    SELECT a + b;
				END;
				SELECT add(1, 2);
				""";
		assertThat(split(script)).containsExactly(stmt("""
				CREATE FUNCTION add(a integer, b integer) RETURNS integer
				    LANGUAGE SQL
				    IMMUTABLE
				BEGIN ATOMIC
				    SELECT CASE WHEN a IS NULL THEN 0 ELSE a END;
				    SELECT a + b;
				END""", 1), stmt("SELECT add(1, 2)", 8));
	}

	@Test
	void beginAtomicProcedureBodyWithCreateOrReplace() {
		String script = "create or replace procedure ins(x int) language sql begin atomic "
				+ "insert into t values (x); insert into t values (x + 1); end;\nCALL ins(1);";
		assertThat(split(script)).containsExactly(
				stmt("create or replace procedure ins(x int) language sql "
						+ "begin atomic insert into t values (x); insert into t values (x + 1); end", 1),
				stmt("CALL ins(1)", 2));
	}

	@Test
	void transactionBeginIsAnOrdinaryStatement() {
		assertThat(split("BEGIN;\nSELECT CASE WHEN true THEN 1 END;\nCOMMIT;")).containsExactly(stmt("BEGIN", 1),
				stmt("SELECT CASE WHEN true THEN 1 END", 2), stmt("COMMIT", 3));
	}

	@Test
	void semicolonsInsideParenthesesDoNotSplit() {
		assertThat(
				split("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));\n"
						+ "SELECT 2;"))
			.containsExactly(
					stmt("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
							1),
					stmt("SELECT 2", 2));
	}

	@Test
	void byteOrderMarkIsIgnored() {
		assertThat(split("\uFEFFSELECT 1;\nSELECT 2;")).containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
	}

	@Test
	void crlfAndCrLineEndsCountAsOneLineAndBecomeLf() {
		assertThat(split("SELECT 1;\r\nSELECT\r\n  2;\r\n\r\nSELECT 'a\r\nb';\r\n"))
			.containsExactly(stmt("SELECT 1", 1), stmt("SELECT\n  2", 2), stmt("SELECT 'a\nb'", 5));
		assertThat(split("SELECT 1;\rSELECT\r2;")).containsExactly(stmt("SELECT 1", 1), stmt("SELECT\n2", 2));
	}

	@Test
	void trailingBlanksAreTrimmed() {
		assertThat(split("SELECT 1   \n\t\n  ;")).containsExactly(stmt("SELECT 1", 1));
	}

	@Test
	void numbersWithExponentsAndCasts() {
		assertThat(split("SELECT 1e5, 1.5::numeric, '1'::int;SELECT 2"))
			.containsExactly(stmt("SELECT 1e5, 1.5::numeric, '1'::int", 1), stmt("SELECT 2", 1));
	}

	@Test
	void unterminatedStringNamesTheLineItOpensOn() {
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\n\n"))
			.withMessage("test.sql:2: unterminated string ('); close it with '")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
	}

	@Test
	void unterminatedDollarQuoteNamesItsTag() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> split("SELECT 1;\n\nDO $body$ BEGIN END $$;"))
			.withMessage("test.sql:3: unterminated dollar-quoted string ($body$); close it with $body$");
	}

	@Test
	void unterminatedBlockCommentAndIdentifier() {
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("/* a /* b */\nSELECT 1;"))
			.withMessage("test.sql:1: unterminated block comment (/*); close it with */");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT \"a;"))
			.withMessage("test.sql:1: unterminated quoted identifier (\"); close it with \"");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT E'a\\';"))
			.withMessage("test.sql:1: unterminated escape string (E'); close it with '");
	}

	@Test
	void psqlMetaCommandsAreRefusedNamingTheLine() {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> split("SELECT 1;\n  \\set ON_ERROR_STOP on\nSELECT 2;"))
			.withMessage("test.sql:2: '\\set' is a psql meta-command, which only psql understands (statements go to "
					+ "the server as they are); remove it, and use SQL instead (SET for a setting; one revision per "
					+ "script rather than \\i or \\include)");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT 1\n\\gset\n"))
			.withMessageStartingWith("test.sql:2: '\\gset' is a psql meta-command");
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> split("SELECT 1;\n\\.\n"))
			.withMessageStartingWith("test.sql:2: '\\.' ends the data of a COPY ... FROM STDIN");
	}

	@Test
	void backslashesInStringsAndCommentsAreNotMetaCommands() {
		assertThat(split("SELECT 'a\n\\set x';\n/*\n\\set y\n*/\nSELECT $$\n\\i f\n$$;\n-- \\set z\nSELECT E'\n\\\\';"))
			.extracting(SqlStatement::line)
			.containsExactly(1, 6, 10);
	}

	@Test
	void statementsAreHandedOverAsTheyAreRead() throws Exception {
		List<String> seen = new ArrayList<>();
		SqlStatementSplitter splitter = new SqlStatementSplitter("test.sql", (statement) -> seen.add(statement.sql()));
		splitter.line("SELECT 1; SELECT", 1);
		assertThat(seen).containsExactly("SELECT 1");
		splitter.line("2;", 2);
		assertThat(seen).containsExactly("SELECT 1", "SELECT\n2");
		splitter.finish();
	}

	private static List<SqlStatement> split(String script) {
		List<SqlStatement> statements = new ArrayList<>();
		try {
			SqlStatementSplitter.split(new StringReader(script), "test.sql", statements::add);
		}
		catch (IOException | java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return statements;
	}

	private static SqlStatement stmt(String sql, int line) {
		return new SqlStatement(sql, line);
	}

}
