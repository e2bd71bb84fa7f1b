package dev.migrations.core.internal.offline;

import java.io.StringWriter;
import java.util.Map;

import dev.migrations.core.OfflineSqlException;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.internal.dialect.PostgresDialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.execution.TestRevisions;
import dev.migrations.core.internal.state.StateStatements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OfflineRendererTests {

	private static final TableNames NAMES = new TableNames("app", "migrations_applied", "migrations_history");

	private final PostgresDialect dialect = new PostgresDialect();

	private OfflineRenderer renderer(TransactionMode mode) {
		return new OfflineRenderer(this.dialect, new StateStatements(this.dialect, NAMES, "ignored-host"), mode);
	}

	private static TestRevisions revisions() {
		return new TestRevisions()
			.sql("a1", "", "CREATE TABLE users (id INT PRIMARY KEY,\n  name TEXT);", "DROP TABLE users;")
			.sql("b2", "a1", "CREATE INDEX CONCURRENTLY ix_users_name ON users (name) -- concurrently\n;",
					"DROP INDEX ix_users_name;", false);
	}

	private static final String PSQL_HINT = "-- Run it with: psql -v ON_ERROR_STOP=1 -f <this file> (psql goes on "
			+ "after an error unless\n-- told to stop, which would run the rest of the script on a half-migrated "
			+ "database)\n\n";

	@Test
	void anUpgradeFromBaseHasTheTablesThenEachRevisionInItsTransactionWithItsStateRows() {
		TestRevisions revisions = revisions();
		StringWriter out = new StringWriter();

		renderer(TransactionMode.PER_REVISION).renderRun(revisions.upgrade("a1", "b2"), revisions.revisions(),
				new AppliedSet(Map.of()), out);

		String ddl = String.join(";\n\n", new StateStatements(this.dialect, NAMES, null).createTables()) + ";\n\n";
		assertThat(out.toString()).isEqualTo("-- Migrations offline SQL (POSTGRESQL): upgrade from base\n" + PSQL_HINT
				+ ddl + "-- Running upgrade  -> a1, message of a1\n\n" //
				+ "BEGIN;\n\n" //
				+ "CREATE TABLE users (id INT PRIMARY KEY,\n  name TEXT);\n\n"
				+ "INSERT INTO \"app\".\"migrations_applied\" (revision, down_revisions, message, checksum, status, "
				+ "applied_at, applied_by, execution_time_ms) VALUES ('a1', '', 'message of a1', 'sum-a1', 'APPLIED', "
				+ "CURRENT_TIMESTAMP, CURRENT_USER, 0);\n\n"
				+ "INSERT INTO \"app\".\"migrations_history\" (operation, revision, from_heads, to_heads, checksum, "
				+ "started_at, duration_ms, success, error_message, db_user, host) VALUES ('upgrade', 'a1', '', 'a1', "
				+ "'sum-a1', CURRENT_TIMESTAMP, 0, TRUE, NULL, CURRENT_USER, NULL);\n\n" //
				+ "COMMIT;\n\n" //
				+ "-- Running upgrade a1 -> b2, message of b2\n\n"
				+ "INSERT INTO \"app\".\"migrations_applied\" (revision, down_revisions, message, checksum, status, "
				+ "applied_at, applied_by, execution_time_ms) VALUES ('b2', 'a1', 'message of b2', 'sum-b2', 'RUNNING', "
				+ "CURRENT_TIMESTAMP, CURRENT_USER, 0);\n\n"
				+ "CREATE INDEX CONCURRENTLY ix_users_name ON users (name) -- concurrently\n;\n\n" + "BEGIN;\n\n" //
				+ "DELETE FROM \"app\".\"migrations_applied\" WHERE revision = 'b2';\n\n"
				+ "INSERT INTO \"app\".\"migrations_applied\" (revision, down_revisions, message, checksum, status, "
				+ "applied_at, applied_by, execution_time_ms) VALUES ('b2', 'a1', 'message of b2', 'sum-b2', 'APPLIED', "
				+ "CURRENT_TIMESTAMP, CURRENT_USER, 0);\n\n"
				+ "INSERT INTO \"app\".\"migrations_history\" (operation, revision, from_heads, to_heads, checksum, "
				+ "started_at, duration_ms, success, error_message, db_user, host) VALUES ('upgrade', 'b2', 'a1', 'b2', "
				+ "'sum-b2', CURRENT_TIMESTAMP, 0, TRUE, NULL, CURRENT_USER, NULL);\n\n" //
				+ "COMMIT;\n\n");
	}

	@Test
	void aDowngradeRunsTheDowngradeStatementsAndDeletesTheRow() {
		TestRevisions revisions = revisions();
		StringWriter out = new StringWriter();

		renderer(TransactionMode.PER_REVISION).renderRun(revisions.downgrade("a1"), revisions.revisions(),
				new AppliedSet(Map.of("a1", java.util.List.of())), out);

		assertThat(out.toString()).contains("-- Migrations offline SQL (POSTGRESQL): downgrade from a1\n" + PSQL_HINT)
			.contains("-- Running downgrade a1 -> , message of a1\n\nBEGIN;\n\nDROP TABLE users;\n\n"
					+ "DELETE FROM \"app\".\"migrations_applied\" WHERE revision = 'a1';\n\n"
					+ "INSERT INTO \"app\".\"migrations_history\"")
			.contains("VALUES ('downgrade', 'a1', 'a1', '', 'sum-a1'")
			.endsWith("COMMIT;\n\n");
	}

	@Test
	void modeAllWrapsTheWholeRunInOneTransaction() {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "CREATE TABLE a (id INT);", "")
			.sql("b2", "a1", "CREATE TABLE b (id INT);", "");
		StringWriter out = new StringWriter();

		renderer(TransactionMode.ALL).renderRun(revisions.upgrade("a1", "b2"), revisions.revisions(),
				new AppliedSet(Map.of()), out);

		String script = out.toString();
		assertThat(script.split("BEGIN;", -1)).hasSize(2);
		assertThat(script.split("COMMIT;", -1)).hasSize(2);
		assertThat(script.indexOf("BEGIN;")).isLessThan(script.indexOf("CREATE TABLE a"));
		assertThat(script.indexOf("COMMIT;")).isGreaterThan(script.indexOf("CREATE TABLE b"));
	}

	@Test
	void aJavaRevisionCannotBeRenderedAndNothingIsWritten() {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "CREATE TABLE a (id INT);", "")
			.java("j2", "a1", (context) -> {
			});
		StringWriter out = new StringWriter();

		assertThatExceptionOfType(OfflineSqlException.class)
			.isThrownBy(() -> renderer(TransactionMode.PER_REVISION).renderRun(revisions.upgrade("a1", "j2"),
					revisions.revisions(), new AppliedSet(Map.of()), out))
			.withMessage("Revision j2 is a Java revision (db/revisions/j2.sql): offline SQL cannot show what Java "
					+ "code does. Run it online, or render the plan up to the revision before it.");
		assertThat(out.toString()).isEmpty();
	}

}
