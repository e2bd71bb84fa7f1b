package dev.migrations.core.internal.source;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter's statements run on a real PostgreSQL and do what the script says.
 */
@PostgresDatabase
class SqlStatementSplitterPostgresTests {

	private static final String SCRIPT = """
			\uFEFF-- A script with every construct the splitter must get right;\r
			/* a block /* nested; */ comment; */\r
			CREATE TABLE "odd;name" (id int PRIMARY KEY, "val;""ue" text);\r
			INSERT INTO "odd;name" VALUES (1, 'it''s; quoted'), (2, E'back\\\\slash\\'; escaped');\r
			INSERT INTO "odd;name" VALUES (3, $$dollar; 'quoted'$$), (4, $tag$inner $$; $$ text$tag$);\r
			;;\r
			CREATE FUNCTION add_one(i integer) RETURNS integer AS $body$\r
			BEGIN\r
			    -- a comment; inside the body\r
			    RETURN i + 1;\r
			END;\r
			$body$ LANGUAGE plpgsql;\r
			CREATE FUNCTION add_two(i integer) RETURNS integer\r
			    LANGUAGE SQL\r
			BEGIN ATOMIC\r
			    SELECT CASE WHEN i IS NULL THEN 0 ELSE i + 2 END;\r
			END;\r
			CREATE PROCEDURE insert_row(i integer, v text)\r
			    LANGUAGE SQL\r
			BEGIN ATOMIC\r
			    INSERT INTO "odd;name" VALUES (i, v);\r
			    INSERT INTO "odd;name" VALUES (i + 100, v || ';');\r
			END;\r
			CALL insert_row(5, 'proc')\r
			""";

	@Test
	void statementsRunAsWritten(TestDatabase database) throws Exception {
		List<SqlStatement> statements = new ArrayList<>();
		SqlStatementSplitter.split(new StringReader(SCRIPT), "script.sql", statements::add);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 4, 5, 7, 13, 18, 24);
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				statement.execute(sql.sql());
			}
			assertThat(query(statement, "SELECT id || '=' || \"val;\"\"ue\" FROM \"odd;name\" ORDER BY id"))
				.containsExactly("1=it's; quoted", "2=back\\slash'; escaped", "3=dollar; 'quoted'",
						"4=inner $$; $$ text", "5=proc", "105=proc;");
			assertThat(query(statement, "SELECT add_one(1) || ',' || add_two(1) || ',' || add_two(NULL)"))
				.containsExactly("2,3,0");
		}
	}

	private static List<String> query(Statement statement, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
