package dev.migrations.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.core.internal.dialect.MigrationLock;
import dev.migrations.core.internal.dialect.PostgresAdvisoryLock;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lock's session is kept alive, and a run notices when it was lost anyway.
 */
@PostgresDatabase
class LockConnectionPostgresTests {

	private static final String ADVISORY_LOCKS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
			+ "AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

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
	}

	@AfterEach
	void resetDatabaseSettings() {
		this.db.execute("ALTER DATABASE " + this.database.name() + " RESET idle_session_timeout");
	}

	@Test
	void theLockOutlivesIdleSessionTimeoutAndItsConnectionGetsTheSettingBack() throws Exception {
		this.db.execute("ALTER DATABASE " + this.database.name() + " SET idle_session_timeout = '300ms'");
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(
				new TableNames(null, "migrations_applied", "migrations_history"));
		try (ReusingDataSource pool = new ReusingDataSource(this.database.dataSource(), true)) {
			try (MigrationLock.Held held = lock.acquire(pool, Duration.ZERO, (holder, waited) -> {
			})) {
				Thread.sleep(1200);

				assertThat(this.db.column(ADVISORY_LOCKS)).containsExactly(1L);
				assertThat(held.lost()).isNull();
			}
			assertThat(this.db.column(ADVISORY_LOCKS)).containsExactly(0L);
			assertThat(pool.physical).singleElement().satisfies((connection) -> {
				assertThat(show(connection, "idle_session_timeout")).isEqualTo("300ms");
				assertThat(connection.getAutoCommit()).isTrue();
			});
		}
	}

	@Test
	void aRunStopsBeforeANonTransactionalRevisionWhenTheLockWasLost() {
		this.files.write("001", "", "ends the lock's session",
				"CREATE TABLE t (id INT);\nSELECT pg_terminate_backend(pid, 10000) FROM pg_locks "
						+ "WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
						+ "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());",
				"DROP TABLE t;");
		this.files.write("002", "001", "index concurrently", "CREATE INDEX CONCURRENTLY ix_t ON t (id);",
				"DROP INDEX ix_t;", false);

		assertThatExceptionOfType(LockLostException.class).isThrownBy(() -> this.support.migrator().upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("002"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("The migration lock was lost before revision " + "002 (" + this.files.location()
						+ "/002.sql), which runs outside a transaction, was started: "
						+ "the lock's connection failed (")
				.contains("nothing of 002 ran; revisions before it stay applied. Run again"));

		assertThat(this.db.rows("SELECT revision, status FROM migrations_applied"))
			.containsExactly(Map.of("revision", "001", "status", "APPLIED"));
		assertThat(this.db.column("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_t'")).containsExactly(0L);
		assertThat(this.support.events).doesNotContain("start 002");
	}

	private static String show(Connection connection, String setting) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

}
