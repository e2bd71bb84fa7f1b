package dev.migrations.core.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresDatabase
class PostgresDialectTests {

	private static final List<String> TRICKY = List.of("plain", "it's", "back\\slash", "\\'; DROP TABLE x; --",
			"E'\\\\'", "$$dollar$$", "ünïcödé ✓", "line\nbreak", "");

	private final PostgresDialect dialect = new PostgresDialect();

	@Test
	void isDetectedFromTheConnection(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			Dialect detected = Dialects.detect(connection);
			assertThat(detected).isInstanceOf(PostgresDialect.class);
			assertThat(detected.type()).isEqualTo(DatabaseType.POSTGRESQL);
			assertThat(detected.transactionalDdl()).isTrue();
			assertThat(detected.databaseLock(new TableNames(null, "a", "b"))).isPresent();
		}
	}

	@Test
	void literalsReadBackUnchangedWhateverStandardConformingStringsIs(TestDatabase database) throws SQLException {
		for (String setting : List.of("on", "off")) {
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET standard_conforming_strings = " + setting);
				for (String value : TRICKY) {
					try (var result = statement.executeQuery("SELECT " + this.dialect.literal(value))) {
						result.next();
						assertThat(result.getString(1)).as("%s with standard_conforming_strings %s", value, setting)
							.isEqualTo(value);
					}
				}
			}
		}
		assertThat(this.dialect.literal((String) null)).isEqualTo("NULL");
	}

	@Test
	void timestampLiteralsReadBackAsTheSameInstant(TestDatabase database) throws SQLException {
		Instant instant = Instant.parse("2026-11-21T16:30:01.123456Z");
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT " + this.dialect.literal(instant))) {
			result.next();
			assertThat(result.getTimestamp(1).toInstant()).isEqualTo(instant);
		}
	}

	@Test
	void stateTableDdlCreatesSchemaAndTablesAndCanRunAgain(TestDatabase database) throws SQLException {
		TableNames names = new TableNames("State", "Applied", "History");
		Database db = new Database(database.dataSource());
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			assertThat(this.dialect.stateTablesExist(connection, names)).isFalse();
			for (int i = 0; i < 2; i++) {
				for (String ddl : this.dialect.createStateTables(names)) {
					statement.execute(ddl);
				}
			}
			assertThat(this.dialect.stateTablesExist(connection, names)).isTrue();
			assertThat(this.dialect.stateTablesExist(connection, new TableNames("State", "applied", "History")))
				.isFalse();
		}
		assertThat(db.rows("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
				+ "WHERE table_schema = 'State' AND table_name = 'Applied' ORDER BY ordinal_position"))
			.containsExactly(col("revision", "character varying", "NO"),
					col("down_revisions", "character varying", "NO"), col("message", "character varying", "NO"),
					col("checksum", "character varying", "YES"), col("status", "character varying", "NO"),
					col("applied_at", "timestamp with time zone", "NO"), col("applied_by", "character varying", "NO"),
					col("execution_time_ms", "bigint", "NO"));
		assertThat(db.column("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_schema = 'State' AND table_name = 'History' ORDER BY ordinal_position"))
			.containsExactly("id", "operation", "revision", "from_heads", "to_heads", "checksum", "started_at",
					"duration_ms", "success", "error_message", "db_user", "host");
		assertThat(db.column("SELECT kcu.column_name FROM information_schema.table_constraints tc "
				+ "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
				+ "WHERE tc.table_schema = 'State' AND tc.table_name = 'Applied' AND tc.constraint_type = 'PRIMARY KEY'"))
			.containsExactly("revision");
	}

	@Test
	void identifiersAreQuotedAndQualified() {
		assertThat(this.dialect.table(new TableNames("s", "v", "h"), "v")).isEqualTo("\"s\".\"v\"");
		assertThat(this.dialect.table(new TableNames(null, "v", "h"), "v")).isEqualTo("\"v\"");
	}

	private static Map<String, Object> col(String name, String type, String nullable) {
		return Map.of("column_name", name, "data_type", type, "is_nullable", nullable);
	}

}
