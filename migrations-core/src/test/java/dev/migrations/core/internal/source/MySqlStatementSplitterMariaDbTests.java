package dev.migrations.core.internal.source;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL splitter's statements, run one by one through JDBC on the local MariaDB, give
 * the very state the {@code mariadb} client gives for the same script.
 */
@MariaDbDatabase
class MySqlStatementSplitterMariaDbTests {

	private static final String SCRIPT = """
			\uFEFF# A script with every construct the splitter must get right; it's split as the client does\r
			/* a block; comment 'with a quote */\r
			/*!40101 SET NAMES utf8mb4 */;\r
			CREATE TABLE `odd;name` (id INT PRIMARY KEY, `val;``ue` TEXT) ENGINE=InnoDB;\r
			INSERT INTO `odd;name` VALUES (1, 'it''s; quoted'), (2, 'back\\\\slash\\'; escaped');\r
			INSERT INTO `odd;name` VALUES (3, "double; \\"quoted\\""), (4, 'dash -- not a comment; # nor this');\r
			-- a comment; with a quote '\r
			INSERT INTO `odd;name` VALUES (5, CONCAT('minus', 5--1)\r
			);\r
			;;\r
			DELIMITER //\r
			CREATE FUNCTION add_one(i INT) RETURNS INT DETERMINISTIC\r
			BEGIN\r
			    -- a comment; inside the body\r
			    RETURN i + 1;\r
			END //\r
			CREATE PROCEDURE insert_row(i INT, v TEXT)\r
			BEGIN\r
			    INSERT INTO `odd;name` VALUES (i, v);\r
			    INSERT INTO `odd;name` VALUES (i + 100, CONCAT(v, ';'));\r
			END//\r
			CREATE TRIGGER odd_upper BEFORE INSERT ON `odd;name` FOR EACH ROW\r
			BEGIN\r
			    IF NEW.id > 100 THEN SET NEW.`val;``ue` = UPPER(NEW.`val;``ue`); END IF;\r
			END//\r
			DELIMITER ;\r
			CALL insert_row(6, 'proc')\r
			""";

	@TempDir
	Path folder;

	@Test
	void statementsRunAsTheClientRunsThem(TestDatabase database) throws Exception {
		List<SqlStatement> statements = new ArrayList<>();
		SqlSyntax.MYSQL.split(new StringReader(SCRIPT), "script.sql", statements::add);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 4, 5, 6, 8, 12, 17, 22, 27);
		String clientDatabase = database.name() + "_client";
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				statement.execute(sql.sql());
			}
			List<String> rows = query(statement, "SELECT CONCAT(id, '=', `val;``ue`) FROM `odd;name` ORDER BY id");
			assertThat(rows).containsExactly("1=it's; quoted", "2=back\\slash'; escaped", "3=double; \"quoted\"",
					"4=dash -- not a comment; # nor this", "5=minus6", "6=proc", "106=PROC;");
			assertThat(query(statement, "SELECT add_one(1)")).containsExactly("2");

			statement.execute("CREATE DATABASE " + clientDatabase);
			try {
				Path file = this.folder.resolve("script.sql");
				Files.writeString(file, SCRIPT);
				Process client = new ProcessBuilder("mariadb", "--protocol=tcp", "-h", "127.0.0.1", "-P", "3306", "-u",
						database.user(), clientDatabase)
					.redirectInput(file.toFile())
					.redirectErrorStream(true)
					.start();
				String output = new String(client.getInputStream().readAllBytes());
				assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(client.exitValue()).as(output).isZero();
				assertThat(query(statement,
						"SELECT CONCAT(id, '=', `val;``ue`) FROM " + clientDatabase + ".`odd;name` ORDER BY id"))
					.isEqualTo(rows);
				assertThat(query(statement, "SELECT CONCAT(routine_type, ' ', routine_name) FROM "
						+ "information_schema.routines WHERE routine_schema = '" + clientDatabase + "' ORDER BY 1"))
					.isEqualTo(query(statement,
							"SELECT CONCAT(routine_type, ' ', routine_name) FROM "
									+ "information_schema.routines WHERE routine_schema = DATABASE() ORDER BY 1"))
					.containsExactly("FUNCTION add_one", "PROCEDURE insert_row");
			}
			finally {
				statement.execute("DROP DATABASE " + clientDatabase);
			}
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
