package dev.migrations.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The connections a run borrows go back to the application's pool as they came.
 */
@PostgresDatabase
class WorkConnectionPostgresTests {

	@TempDir
	Path folder;

	private TestDatabase database;

	private RevisionFiles files;

	private MigratorTestSupport support;

	private Database db;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.database = database;
		this.files = new RevisionFiles(this.folder);
		this.support = new MigratorTestSupport(database, this.files);
		this.db = this.support.db;
		this.support.resetPostgres();
		this.support.threeRevisions();
		this.files.write("004", "003", "index concurrently", "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);",
				"DROP INDEX ix_users_name;", false);
	}

	@Test
	void aRunHandsItsConnectionsBackInAutocommitWithoutItsSettings() throws SQLException {
		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), true)) {
			this.support.migrator((builder) -> builder.dataSource(pool)).upgrade("heads");

			assertThat(pool.physical).hasSize(2);
			assertThat(states(pool)).containsExactly("idle true 0", "idle true 0");
		}
		assertThat(this.db.column("SELECT revision FROM migrations_applied ORDER BY revision")).containsExactly("001",
				"002", "003", "004");
	}

	@Test
	void aFailedRunHandsItsConnectionsBackAsTheyCameWithoutAnOpenTransaction() throws SQLException {
		this.files.write("005", "004", "fails", "CREATE TABLE t5 (id INT);\nSELECT 1/0;", "DROP TABLE t5;");
		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), false)) {
			assertThatExceptionOfType(RevisionFailedException.class)
				.isThrownBy(() -> this.support.migrator((builder) -> builder.dataSource(pool)).upgrade("heads"))
				.withMessageContaining("division by zero");

			assertThat(pool.physical).hasSize(2);
			assertThat(states(pool)).containsExactly("idle false 0", "idle false 0");
		}
		assertThat(this.db.tableExists("t5")).isFalse();
	}

	@Test
	void aOneConnectionPoolFailsSayingThatARunNeedsTwo() throws SQLException {
		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), true, 1)) {
			assertThatExceptionOfType(DatabaseAccessException.class)
				.isThrownBy(() -> this.support.migrator((builder) -> builder.dataSource(pool)).upgrade("heads"))
				.withMessage("Could not open the migration lock's connection, a second one beside the run's work "
						+ "connection: a run on PostgreSQL needs two connections from its data source (one holds the "
						+ "lock); raise the pool size: test-pool - Connection is not available, request timed out "
						+ "after 30000ms (SQLState 08001)");

			assertThat(pool.inUse()).isZero();
			assertThat(states(pool)).containsExactly("idle true 0");
		}
		assertThat(this.db.tableExists("migrations_applied")).isFalse();
		assertThat(this.db.tableExists("users")).isFalse();
	}

	/**
	 * Per physical connection: its session state (from another session), autocommit and
	 * {@code client_connection_check_interval}.
	 */
	private List<String> states(ReusingDataSource pool) throws SQLException {
		List<String> states = new ArrayList<>();
		for (Connection connection : pool.physical) {
			int pid = connection.unwrap(PGConnection.class).getBackendPID();
			Object state = this.db.value("SELECT state FROM pg_stat_activity WHERE pid = " + pid);
			boolean autoCommit = connection.getAutoCommit();
			String interval;
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SHOW client_connection_check_interval")) {
				result.next();
				interval = result.getString(1);
			}
			if (!autoCommit) {
				connection.rollback();
			}
			states.add(state + " " + autoCommit + " " + interval);
		}
		return states;
	}

}
