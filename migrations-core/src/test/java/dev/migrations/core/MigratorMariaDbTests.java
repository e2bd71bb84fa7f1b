package dev.migrations.core;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.internal.dialect.MigrationLock;
import dev.migrations.core.internal.dialect.MySqlUserLock;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine on the local MariaDB: upgrade, downgrade, stamp, branches and merges, drift,
 * AHEAD, history rows, the lock, failures after implicit commits, routines with
 * {@code DELIMITER}, and offline SQL fed to the {@code mariadb} client.
 */
@MariaDbDatabase
class MigratorMariaDbTests {

	@TempDir
	Path folder;

	private TestDatabase database;

	private RevisionFiles files;

	private MigratorTestSupport support;

	private Database db;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.database = database;
		this.files = new RevisionFiles(this.folder.resolve("revisions"));
		this.support = new MigratorTestSupport(database, this.files);
		this.db = this.support.db;
		for (Object table : this.db
			.column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")) {
			this.db.execute("SET FOREIGN_KEY_CHECKS = 0", "DROP TABLE `" + table + "`");
		}
		this.files.write("001", "", "create users", """
				CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100)) ENGINE=InnoDB;
				# it's the mysql client's comment, not split on; nor is this: `a;b`
				INSERT INTO users VALUES (1, 'ann\\'s');""", "DROP TABLE users;");
		this.files.write("002", "001", "create tasks", """
				CREATE TABLE tasks (id INT PRIMARY KEY, user_id INT, CONSTRAINT fk_tasks_user FOREIGN KEY (user_id)
				    REFERENCES users (id)) ENGINE=InnoDB;""", "DROP TABLE tasks;");
		this.files.write("003", "002", "index users by name", "CREATE INDEX ix_users_name ON users (name);",
				"DROP INDEX ix_users_name ON users;");
	}

	@Test
	void anUpgradeRunsEveryRevisionAndRecordsItAndADowngradeUndoesIt() {
		Migrator migrator = this.support.migrator();

		RunResult result = migrator.upgrade("heads");

		assertThat(result.steps()).extracting((step) -> step.step().revision().id())
			.containsExactly("001", "002", "003");
		assertThat(this.db.column("SELECT name FROM users")).containsExactly("ann's");
		assertThat(this.db.column("SELECT index_name FROM information_schema.statistics WHERE table_schema = "
				+ "DATABASE() AND table_name = 'users' ORDER BY 1"))
			.containsExactly("ix_users_name", "PRIMARY");
		assertThat(this.db
			.rows("SELECT revision, down_revisions, message, status FROM migrations_applied " + "ORDER BY revision"))
			.containsExactly(row("001", "", "create users", "APPLIED"), row("002", "001", "create tasks", "APPLIED"),
					row("003", "002", "index users by name", "APPLIED"));
		assertThat(this.db.column("SELECT DISTINCT applied_by FROM migrations_applied")).singleElement()
			.asString()
			.startsWith(this.database.user() + "@");
		assertThat(this.db
			.rows("SELECT operation, revision, from_heads, to_heads, success FROM migrations_history ORDER BY id"))
			.containsExactly(history("upgrade", "001", "", "001", true), history("upgrade", "002", "001", "002", true),
					history("upgrade", "003", "002", "003", true));
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(status.revision("001").orElseThrow().appliedAt()).isNotNull()
			.isBetween(java.time.Instant.now().minus(Duration.ofMinutes(5)),
					java.time.Instant.now().plus(Duration.ofMinutes(5)));
		assertThat(migrator.history(10)).hasSize(3);

		RunResult down = migrator.downgrade("-2");

		assertThat(down.steps()).extracting((step) -> step.step().revision().id()).containsExactly("003", "002");
		assertThat(migrator.currentHeads()).containsExactly("001");
		assertThat(tables()).containsExactly("migrations_applied", "migrations_history", "users");
		assertThat(this.db.column("SELECT revision FROM migrations_applied")).containsExactly("001");

		migrator.downgrade("base");

		assertThat(tables()).containsExactly("migrations_applied", "migrations_history");
		assertThat(this.db.column("SELECT operation FROM migrations_history ORDER BY id")).containsExactly("upgrade",
				"upgrade", "upgrade", "downgrade", "downgrade", "downgrade");
	}

	@Test
	void withoutTheDatabaseTypeAMySqlScriptIsSplitWithTheSyntaxOfTheDatabaseItRunsOn() {
		Migrator migrator = this.support.migrator((builder) -> builder.databaseType(null));

		migrator.upgrade("heads");

		assertThat(this.db.column("SELECT name FROM users")).containsExactly("ann's");
	}

	@Test
	void offlineSqlWithoutTheDatabaseTypeRefusesAMySqlScriptWithAHintToConfigureIt() {
		Migrator migrator = this.support.migrator((builder) -> builder.databaseType(null));

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrator.upgradeSql("base", "heads"))
			.withMessageEndingWith("001.sql:9: unterminated string ('); close it with ' (split as a PostgreSQL "
					+ "script; it splits as a MariaDB/MySQL script: if it is one, configure the database type, "
					+ "databaseType(DatabaseType.MARIADB), which the CLI and the Spring Boot starter take from the "
					+ "JDBC URL)");
	}

	@Test
	void aConfiguredSchemaIsADatabaseOfItsOwnForTheStateTables() {
		String schema = this.database.name() + "_state";
		try {
			Migrator migrator = this.support.migrator((builder) -> builder.schema(schema));

			migrator.upgrade("heads");

			assertThat(this.db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
					+ "' ORDER BY 1"))
				.containsExactly("migrations_applied", "migrations_history");
			assertThat(tables()).containsExactly("tasks", "users");
			assertThat(this.db.column("SELECT revision FROM `" + schema + "`.migrations_applied ORDER BY 1"))
				.containsExactly("001", "002", "003");
			assertThat(migrator.currentHeads()).containsExactly("003");
		}
		finally {
			this.db.execute("DROP DATABASE IF EXISTS `" + schema + "`");
		}
	}

	@Test
	void withoutTheDatabaseTypeAScriptOpenInTheMysqlSyntaxIsRefusedBeforeAnythingRuns() {
		RevisionFiles plain = new RevisionFiles(this.folder.resolve("plain"));
		plain.write("001", "", "first", "CREATE TABLE first_table (id INT);", "DROP TABLE first_table;");
		plain.write("002", "001", "open backtick", "CREATE TABLE a (id INT);\nSELECT `x;", "");
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(this.database.dataSource())
			.locations(plain.location())
			.build());

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageEndingWith("002.sql:8: unterminated quoted identifier (`); close it with `");
		assertThat(tables()).as("nothing ran, not even the state tables' DDL").isEmpty();
	}

	@Test
	void branchesAndAMergeRunInAlembicsOrder() {
		this.files.write("004", "003", "branch a", "CREATE TABLE a (id INT);", "DROP TABLE a;");
		this.files.write("005", "003", "branch b", "CREATE TABLE b (id INT);", "DROP TABLE b;");
		Migrator migrator = this.support.migrator();
		migrator.upgrade("heads");
		assertThat(migrator.currentHeads()).containsExactlyInAnyOrder("004", "005");

		this.files.write("006", "004,005", "merge", "", "");
		Migrator merged = this.support.migrator();
		RunResult result = merged.upgrade("head");

		assertThat(result.steps()).extracting((step) -> step.step().revision().id()).containsExactly("006");
		assertThat(merged.currentHeads()).containsExactly("006");
		assertThat(this.db.value("SELECT down_revisions FROM migrations_applied WHERE revision = '006'"))
			.isEqualTo("004,005");
		merged.downgrade("-1");
		assertThat(merged.currentHeads()).containsExactlyInAnyOrder("004", "005");
	}

	@Test
	void stampDriftAndAheadAreTold() {
		Migrator migrator = this.support.migrator();
		migrator.stamp(List.of("002"), false);
		assertThat(tables()).containsExactly("migrations_applied", "migrations_history");
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("001",
				"002");
		assertThat(this.db.rows("SELECT operation, revision, from_heads, to_heads, success FROM migrations_history"))
			.containsExactly(history("stamp", null, "", "002", true));
		migrator.stamp(List.of("base"), true);
		migrator.upgrade("heads");

		this.files.write("001", "", "create users", "CREATE TABLE users (id BIGINT PRIMARY KEY);", "DROP TABLE users;");
		Migrator edited = this.support.migrator();
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> edited.upgrade("heads"))
			.withMessageStartingWith("Applied revision(s) changed since they were applied: 001 in ");
		assertThat(edited.status().state()).isEqualTo(MigrationState.DRIFTED);
		edited.repair(true);

		this.files.folder().resolve("003.sql").toFile().delete();
		Migrator older = this.support.migrator();
		assertThat(older.status().state()).isEqualTo(MigrationState.AHEAD);
		assertThat(older.upgrade("heads").steps()).isEmpty();
	}

	@Test
	void aFailingStatementIsNamedByFileLineAndErrorCodeAndDmlBeforeItIsRolledBack() {
		this.support.migrator().upgrade("heads");
		this.files.write("004", "003", "bad insert", """
				INSERT INTO users VALUES (2, 'bob');
				INSERT INTO no_such_table VALUES (1);""", "");
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Upgrade of revision 004 failed in filesystem:")
			.withMessageContaining("004.sql at line 8 (SQLState 42S02): error 1146: Table '" + this.database.name()
					+ ".no_such_table' doesn't exist")
			.withMessageEndingWith("Nothing of it remains (rolled back); revisions before it stay applied.")
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isFalse());
		assertThat(this.db.column("SELECT name FROM users")).containsExactly("ann's");
		assertThat(this.db.column("SELECT revision FROM migrations_applied WHERE revision = '004'")).isEmpty();
		assertThat(this.db.rows("SELECT revision, success FROM migrations_history WHERE revision = '004'"))
			.containsExactly(Map.of("revision", "004", "success", false));
	}

	@Test
	void aRevisionFailingAfterItsDdlRanIsRecordedFailedAndRefusedUntilRepaired() {
		this.support.migrator().upgrade("heads");
		this.files.write("004", "003", "half done", """
				CREATE TABLE half (id INT);
				INSERT INTO half VALUES (1);
				INSERT INTO half VALUES ('x', 2);""", "DROP TABLE half;");
		Migrator migrator = this.support.migrator();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("004.sql at line 9 (SQLState 21S01): error 1136: Column count doesn't match value "
					+ "count at row 1; MARIADB commits DDL implicitly, so what ran before it remains: line 7 "
					+ "(CREATE TABLE half); rolled back: line 8 (INSERT INTO half)")
			.withMessageEndingWith("Its changes may be partly applied, so it is recorded as FAILED and every run "
					+ "refuses until you fix the database by hand and run 'migrations repair'.")
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isTrue());
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly("FAILED");
		assertThat(tables()).contains("half");
		assertThat(this.db.column("SELECT COUNT(*) FROM half")).as("the insert after the DDL rolled back")
			.containsExactly(0L);
		assertThatExceptionOfType(FailedRevisionsException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.withMessageContaining("004 (");

		this.db.execute("DROP TABLE half");
		assertThat(migrator.repair(false).clearedFailures()).containsExactly("004");
		this.files.write("004", "003", "half done", """
				CREATE TABLE half (id INT);
				INSERT INTO half VALUES (1);""", "DROP TABLE half;");
		assertThat(this.support.migrator().upgrade("heads").steps()).hasSize(1);
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly("APPLIED");
	}

	@Test
	void failingDdlCommitsTheDmlBeforeIt() {
		this.support.migrator().upgrade("heads");
		this.files.write("004", "003", "ddl fails", """
				INSERT INTO users VALUES (2, 'bob');
				CREATE TABLE users (id INT);""", "");

		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.withMessageContaining("004.sql at line 8 (SQLState 42S01): error 1050: Table 'users' already exists; "
					+ "MARIADB commits DDL implicitly, so what ran before it remains: line 7 (INSERT INTO users). ")
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isTrue());
		assertThat(this.db.column("SELECT name FROM users ORDER BY id")).containsExactly("ann's", "bob");
		assertThat(this.db.column("SELECT status FROM migrations_applied WHERE revision = '004'"))
			.containsExactly("FAILED");
	}

	@Test
	void routinesAndTriggersRunWithDelimiter() {
		this.support.migrator().upgrade("heads");
		this.files.write("004", "003", "routines", """
				DELIMITER //
				CREATE PROCEDURE add_user(IN p_id INT, IN p_name VARCHAR(100))
				BEGIN
				    INSERT INTO users VALUES (p_id, p_name);
				    UPDATE users SET name = CONCAT(name, ';') WHERE id = p_id;
				END //
				CREATE TRIGGER users_upper BEFORE INSERT ON users FOR EACH ROW
				BEGIN
				    SET NEW.name = UPPER(NEW.name);
				END//
				DELIMITER ;
				CALL add_user(2, 'bob');""", "DROP TRIGGER users_upper;\nDROP PROCEDURE add_user;");

		this.support.migrator().upgrade("heads");

		assertThat(this.db.column("SELECT name FROM users ORDER BY id")).containsExactly("ann's", "BOB;");
		this.support.migrator().downgrade("-1");
		assertThat(this.db.column("SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = DATABASE()"))
			.containsExactly(0L);
	}

	@Test
	void aWaitingRunReportsTheLockHolderAndGivesUp() throws Exception {
		MigrationLock lock = new MySqlUserLock(new TableNames(null, "migrations_applied", "migrations_history"));
		try (MigrationLock.Held held = lock.acquire(this.database.dataSource(), Duration.ZERO, (holder, waited) -> {
		})) {
			assertThat(held.lost()).isNull();
			Object holderId = this.db.value("SELECT IS_USED_LOCK('"
					+ MySqlUserLock.lockName(this.database.name(), "migrations_applied") + "')");
			assertThat(holderId).isNotNull();

			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> this.support.migrator((builder) -> builder.lockTimeout(Duration.ofMillis(500)))
					.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.holder().pid()).isEqualTo(((Number) holderId).intValue()))
				.satisfies((ex) -> assertThat(ex.holder().user()).isEqualTo(this.database.user()));
			assertThat(this.support.events).contains("waiting " + holderId);
		}
		assertThat(tables()).doesNotContain("users");
		assertThat(this.support.migrator().upgrade("heads").steps()).hasSize(3);
	}

	@Test
	void offlineSqlFedToTheMariadbClientGivesTheStateOfAnOnlineRun() throws Exception {
		this.files.write("004", "003", "routines", """
				DELIMITER //
				CREATE FUNCTION greeting(p VARCHAR(20)) RETURNS VARCHAR(40) DETERMINISTIC
				BEGIN
				    RETURN CONCAT('hi; ', p);
				END //
				DELIMITER ;
				INSERT INTO users VALUES (2, 'back\\\\slash');""",
				"DROP FUNCTION greeting;\nDELETE FROM users WHERE id = 2;");
		Migrator offline = Migrator.create(MigrationsConfiguration.builder()
			.locations(this.files.location())
			.databaseType(DatabaseType.MARIADB)
			.build());
		StringWriter script = new StringWriter();
		offline.renderUpgradeSql("base", "heads", script);
		assertThat(script.toString())
			.startsWith("-- Migrations offline SQL (MARIADB): upgrade from base\n"
					+ "-- Run it with: mariadb DATABASE < <this file>")
			.contains("DELIMITER //\nCREATE FUNCTION greeting");
		Path file = this.folder.resolve("upgrade.sql");
		Files.writeString(file, script.toString());

		Process client = new ProcessBuilder("mariadb", "--protocol=tcp", "-h", "127.0.0.1", "-P", "3306", "-u",
				this.database.user(), this.database.name())
			.redirectInput(file.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(client.getInputStream().readAllBytes());
		assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(client.exitValue()).as(output).isZero();
		List<Object> offlineTables = tables();
		List<Map<String, Object>> offlineApplied = this.db
			.rows("SELECT revision, down_revisions, message, checksum, status FROM migrations_applied ORDER BY 1");
		List<Map<String, Object>> offlineHistory = this.db
			.rows("SELECT operation, revision, from_heads, to_heads, checksum, success FROM migrations_history "
					+ "ORDER BY id");
		List<Object> offlineUsers = this.db.column("SELECT CONCAT(name, '|', greeting('x')) FROM users ORDER BY id");
		assertThat(offlineUsers).containsExactly("ann's|hi; x", "back\\slash|hi; x");
		assertThat(this.support.migrator().status().state()).isEqualTo(MigrationState.UP_TO_DATE);

		this.setUpAgain();
		this.support.migrator().upgrade("heads");

		assertThat(tables()).isEqualTo(offlineTables);
		assertThat(this.db
			.rows("SELECT revision, down_revisions, message, checksum, status FROM migrations_applied ORDER BY 1"))
			.isEqualTo(offlineApplied);
		assertThat(this.db.rows("SELECT operation, revision, from_heads, to_heads, checksum, success "
				+ "FROM migrations_history ORDER BY id"))
			.isEqualTo(offlineHistory);
		assertThat(this.db.column("SELECT CONCAT(name, '|', greeting('x')) FROM users ORDER BY id"))
			.isEqualTo(offlineUsers);
	}

	private void setUpAgain() {
		this.db.execute("DROP FUNCTION IF EXISTS greeting");
		for (Object table : this.db
			.column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")) {
			this.db.execute("SET FOREIGN_KEY_CHECKS = 0", "DROP TABLE `" + table + "`");
		}
	}

	private List<Object> tables() {
		return this.db
			.column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1");
	}

	private static Map<String, Object> row(String revision, String down, String message, String status) {
		return Map.of("revision", revision, "down_revisions", down, "message", message, "status", status);
	}

	private static Map<String, Object> history(String operation, String revision, String from, String to,
			boolean success) {
		java.util.HashMap<String, Object> row = new java.util.HashMap<>();
		row.put("operation", operation);
		row.put("revision", revision);
		row.put("from_heads", from);
		row.put("to_heads", to);
		row.put("success", success);
		return row;
	}

}
