package dev.migrations.core;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.core.internal.dialect.PostgresDialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.core.internal.source.SqlStatementSplitter;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresDatabase
class OfflineSqlPostgresTests {

	private static final String SCHEMA = "SELECT table_name, column_name, data_type, is_nullable, column_default "
			+ "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position";

	private static final String INDEXES = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
			+ "ORDER BY indexname";

	private static final String FUNCTIONS = "SELECT proname, prosrc FROM pg_proc p JOIN pg_namespace n "
			+ "ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY proname";

	private static final String APPLIED = "SELECT revision, down_revisions, message, checksum, status "
			+ "FROM migrations_applied ORDER BY revision";

	private static final String HISTORY = "SELECT operation, revision, from_heads, to_heads, checksum, success, "
			+ "error_message FROM migrations_history ORDER BY id";

	@TempDir
	Path folder;

	private TestDatabase database;

	private RevisionFiles files;

	private MigratorTestSupport support;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.database = database;
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.support.resetPostgres();
		this.support.threeRevisions();
		this.files.write("004", "003", "it's a \\ function; with $$ in its message", """
				CREATE FUNCTION task_count(p_user INT) RETURNS BIGINT LANGUAGE plpgsql AS $body$
				BEGIN
				  RETURN (SELECT count(*) FROM tasks WHERE user_id = p_user); -- counts; really
				END;
				$body$;
				INSERT INTO users VALUES (2, 'O''Brien; the second');""", "DROP FUNCTION task_count;");
		this.files.write("005", "004", "index names concurrently",
				"CREATE INDEX CONCURRENTLY ix_users_name ON users (name);", "DROP INDEX CONCURRENTLY ix_users_name;",
				false);
	}

	private Migrator offlineMigrator() {
		return Migrator.create(MigrationsConfiguration.builder().locations(this.files.location()).build());
	}

	@Test
	void theOfflineScriptLeavesTheSameSchemaAndStateAsAnOnlineRun() throws Exception {
		StringWriter script = new StringWriter();
		offlineMigrator().renderUpgradeSql("base", "heads", script);
		this.support.migrator().upgrade("heads");
		Database online = this.support.db;

		String offlineName = this.database.name() + "_off";
		online.execute("CREATE DATABASE " + offlineName);
		try {
			DataSource offlineDataSource = dataSourceFor(offlineName);
			runScript(offlineDataSource, script.toString());
			Database offline = new Database(offlineDataSource);

			for (String query : List.of(SCHEMA, INDEXES, FUNCTIONS, APPLIED, HISTORY,
					"SELECT * FROM users ORDER BY id")) {
				assertThat(offline.rows(query)).as(query).isEqualTo(online.rows(query)).isNotEmpty();
			}
			assertThat(offline.column("SELECT revision FROM migrations_applied ORDER BY revision"))
				.containsExactly("001", "002", "003", "004", "005");
			assertThat(offline.column("SELECT applied_by FROM migrations_applied")).containsOnly(this.database.user());
			assertThat(offline.column("SELECT count(*) FROM migrations_history WHERE db_user = current_user"))
				.containsExactly(5L);
		}
		finally {
			online.execute("DROP DATABASE " + offlineName + " WITH (FORCE)");
		}
	}

	@Test
	void theStateRowsAfterANonTransactionalRevisionCommitTogetherEvenWhenPsqlGoesOnAfterAnError() throws Exception {
		String script = offlineMigrator().upgradeSql("base", "heads");
		Database db = this.support.db;
		db.execute(new PostgresDialect().createTables(new TableNames(null, "migrations_applied", "migrations_history"))
			.toArray(String[]::new));
		db.execute("ALTER TABLE migrations_history ADD CONSTRAINT no_005 CHECK (revision <> '005')");

		List<String> errors = runScriptGoingOnAfterErrors(this.database.dataSource(), script);

		assertThat(errors).singleElement().asString().contains("no_005");
		assertThat(db.rows("SELECT revision, status FROM migrations_applied WHERE revision = '005'"))
			.as("the RUNNING mark stays: the applied row and its history row commit together or not at all")
			.containsExactly(java.util.Map.of("revision", "005", "status", "RUNNING"));
		assertThat(db.column("SELECT revision FROM migrations_history ORDER BY id")).containsExactly("001", "002",
				"003", "004");
		assertThat(this.support.migrator().status().state()).isEqualTo(MigrationState.FAILED);
	}

	@Test
	void scriptsAreRenderedWithoutAnyDatabaseFromExplicitStarts() {
		Migrator migrator = offlineMigrator();

		String upgrade = migrator.upgradeSql("002", "heads");
		StringWriter downgrade = new StringWriter();
		migrator.renderDowngradeSql("003", "001", downgrade);
		StringWriter stamp = new StringWriter();
		migrator.renderStampSql("base", List.of("heads"), false, stamp);

		assertThat(upgrade)
			.startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from 002\n"
					+ "-- Run it with: psql -v ON_ERROR_STOP=1 -f <this file> (psql goes on after an error unless\n"
					+ "-- told to stop, which would run the rest of the script on a half-migrated database)\n\n")
			.contains("-- Running upgrade 002 -> 003, index tasks by user\n\nBEGIN;\n\n"
					+ "CREATE INDEX ix_tasks_user ON tasks (user_id);\n\n")
			.contains("-- Running upgrade 004 -> 005, index names concurrently\n\nINSERT INTO \"migrations_applied\"")
			.contains("'RUNNING', CURRENT_TIMESTAMP, CURRENT_USER, 0);\n\n"
					+ "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n\n"
					+ "BEGIN;\n\nDELETE FROM \"migrations_applied\" WHERE revision = '005';\n\nINSERT INTO")
			.endsWith("CURRENT_TIMESTAMP, 0, TRUE, NULL, CURRENT_USER, NULL);\n\nCOMMIT;\n\n")
			.doesNotContain("Running upgrade 001 -> 002");
		assertThat(downgrade.toString())
			.contains("-- Running downgrade 003 -> 002, index tasks by user\n\nBEGIN;\n\nDROP INDEX ix_tasks_user;")
			.contains("-- Running downgrade 002 -> 001, create tasks")
			.contains("DELETE FROM \"migrations_applied\" WHERE revision = '002';")
			.doesNotContain("Running downgrade 001");
		assertThat(stamp.toString()).contains("-- Running stamp_revision  -> 005")
			.contains("INSERT INTO \"migrations_applied\"")
			.contains("VALUES ('stamp', NULL, '', '005'")
			.doesNotContain("CREATE INDEX");
	}

	@Test
	void theStartCanOnlyBeReadFromTheDatabaseWhenThereIsOne() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> offlineMigrator().renderUpgradeSql(null, "heads", new StringWriter()))
			.withMessageContaining("'dataSource'");

		this.support.migrator().upgrade("003");
		String script = this.support.migrator().upgradeSql(null, "heads");

		assertThat(script).contains("upgrade from 003").contains("Running upgrade 003 -> 004");
	}

	private DataSource dataSourceFor(String name) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.database.jdbcUrl().replace("/" + this.database.name(), "/" + name));
		dataSource.setUser(this.database.user());
		if (this.database.password() != null) {
			dataSource.setPassword(this.database.password());
		}
		return dataSource;
	}

	/**
	 * Runs a script statement by statement in autocommit going on after errors, as psql
	 * does without ON_ERROR_STOP.
	 */
	private static List<String> runScriptGoingOnAfterErrors(DataSource dataSource, String script)
			throws SQLException, IOException {
		List<String> errors = new java.util.ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			SqlStatementSplitter.split(new StringReader(script), "offline.sql", (each) -> {
				try {
					statement.execute(each.sql());
				}
				catch (SQLException ex) {
					errors.add(ex.getMessage());
				}
			});
		}
		return errors;
	}

	/** Runs a script statement by statement in autocommit, as psql would. */
	private static void runScript(DataSource dataSource, String script) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			SqlStatementSplitter.split(new StringReader(script), "offline.sql",
					(each) -> statement.execute(each.sql()));
		}
	}

}
