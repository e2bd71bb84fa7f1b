package dev.migrations.core.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.StepResult;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.internal.dialect.H2Dialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateStatements;
import dev.migrations.core.internal.state.StateTables;
import dev.migrations.testsupport.H2Database;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

@H2Database
class RunExecutorH2Tests {

	private static final TableNames NAMES = new TableNames(null, "migrations_applied", "migrations_history");

	private final H2Dialect dialect = new H2Dialect();

	private TestDatabase database;

	private Database db;

	@BeforeEach
	void cleanDatabase(TestDatabase database) throws SQLException {
		this.database = database;
		this.db = new Database(database.dataSource());
		this.db.execute("DROP ALL OBJECTS");
		try (Connection connection = database.connect()) {
			new StateTables(this.dialect, NAMES).create(connection);
		}
	}

	private void run(TransactionMode mode, TestRevisions revisions, dev.migrations.core.graph.Plan plan)
			throws SQLException {
		List<StepResult> completed = new ArrayList<>();
		try (Connection connection = this.database.connect()) {
			new RunExecutor(this.dialect, new StateStatements(this.dialect, NAMES, "h"), new Listeners(List.of()), mode)
				.execute(connection, plan, revisions.revisions(), new AppliedSet(Map.of()), completed);
		}
	}

	@Test
	void revisionsApplyWithTheirStateRows() throws SQLException {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "CREATE TABLE accounts (id INT);",
				"DROP TABLE accounts;");

		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1"));

		assertThat(this.db.rows("SELECT revision, status FROM \"migrations_applied\""))
			.containsExactly(Map.of("revision", "a1", "status", "APPLIED"));
		assertThat(this.db.rows("SELECT operation, success FROM \"migrations_history\""))
			.containsExactly(Map.of("operation", "upgrade", "success", true));
	}

	@Test
	void aFailureAfterDdlRanIsRecordedFailedBecauseH2CommittedTheDdl() {
		TestRevisions revisions = new TestRevisions().sql("a1", "",
				"CREATE TABLE accounts (id INT);\nINSERT INTO nowhere VALUES (1);", "DROP TABLE accounts;");

		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1")))
			.satisfies((ex) -> {
				assertThat(ex.recordedFailed()).isTrue();
				assertThat(ex.line()).isEqualTo(11);
				assertThat(ex.sqlState()).isEqualTo("42S02");
				assertThat(ex.getMessage()).contains("Table \"NOWHERE\" not found", "recorded as FAILED");
			});
		assertThat(this.db.tableExists("accounts")).isTrue();
		assertThat(this.db.rows("SELECT revision, status FROM \"migrations_applied\""))
			.containsExactly(Map.of("revision", "a1", "status", "FAILED"));
		assertThat(this.db.rows("SELECT revision, success FROM \"migrations_history\""))
			.containsExactly(Map.of("revision", "a1", "success", false));
	}

	@Test
	void aFailureOnTheFirstStatementLeavesNothingAndIsOnlyLogged() {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "INSERT INTO nowhere VALUES (1);", "");

		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1")))
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isFalse());
		assertThat(this.db.column("SELECT COUNT(*) FROM \"migrations_applied\"")).containsExactly(0L);
		assertThat(this.db.rows("SELECT revision, success FROM \"migrations_history\"").get(0))
			.contains(entry("success", false));
	}

	@Test
	void aDowngradeFailingOnItsFirstStatementKeepsTheRevisionApplied() throws SQLException {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "CREATE TABLE accounts (id INT);",
				"DROP TABLE nowhere;");
		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("a1"));

		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> run(TransactionMode.PER_REVISION, revisions, revisions.downgrade("a1")))
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isFalse());

		assertThat(this.db.rows("SELECT revision, status FROM \"migrations_applied\""))
			.containsExactly(Map.of("revision", "a1", "status", "APPLIED"));
		assertThat(this.db.tableExists("accounts")).isTrue();
	}

	@Test
	void aRevisionIsMarkedRunningWhileItRunsBecauseH2CommitsItsDdl() throws SQLException {
		List<Object> seen = new ArrayList<>();
		TestRevisions revisions = new TestRevisions().java("j1", "", (context) -> {
			try (var statement = context.connection().createStatement();
					var result = statement.executeQuery("SELECT status FROM \"migrations_applied\"")) {
				result.next();
				seen.add(result.getString(1));
			}
		});

		run(TransactionMode.PER_REVISION, revisions, revisions.upgrade("j1"));

		assertThat(seen).containsExactly("RUNNING");
		assertThat(this.db.rows("SELECT revision, status FROM \"migrations_applied\""))
			.containsExactly(Map.of("revision", "j1", "status", "APPLIED"));
	}

	@Test
	void modeAllIsRefusedOnH2() {
		TestRevisions revisions = new TestRevisions().sql("a1", "", "CREATE TABLE accounts (id INT);", "");

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> run(TransactionMode.ALL, revisions, revisions.upgrade("a1")))
			.withMessage("Invalid Migrations setting 'transactionMode': ALL; H2 commits DDL implicitly, "
					+ "so a run cannot be one transaction there; use PER_REVISION");
		assertThat(this.db.tableExists("accounts")).isFalse();
	}

}
