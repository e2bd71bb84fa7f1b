package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.migrations.boot.metrics.MigrationsMetricsListener;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lock timeouts after which a revision is retried are counted in
 * {@code migrations.ddl.lock.timeouts}, and a spent retry budget is analysed naming the
 * settings, on the local PostgreSQL.
 */
@PostgresDatabase
class MigrationsLockTimeoutPostgresTests {

	@TempDir
	Path folder;

	@Test
	void eachRetriedLockTimeoutIsCounted(TestDatabase database) throws SQLException, IOException {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Files.writeString(this.folder.resolve("001.sql"),
				"-- add c\n--\n-- revision: 001\n\n-- +upgrade\nALTER TABLE t ADD COLUMN c int;\n");
		try (Connection blocker = database.connect(); Statement statement = blocker.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id int)");
			blocker.setAutoCommit(false);
			statement.execute("SELECT count(*) FROM t");
			Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
				.dataSource(database.dataSource())
				.locations("filesystem:" + this.folder)
				.ddlLockTimeout(Duration.ofMillis(200))
				.ddlRetryBudget(Duration.ofMillis(800))
				.listener(new MigrationsMetricsListener(registry))
				.build());

			assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("55P03"))
				.satisfies((ex) -> assertThat(new MigrationsFailureAnalyzer().analyze(ex).getAction())
					.endsWith("End the blocking transactions named above and restart; the settings are "
							+ "migrations.ddl-retry-budget (how long to retry) and migrations.ddl-lock-timeout (how "
							+ "long each attempt may hold up the application's queries)."));
			blocker.rollback();
		}
		assertThat(registry.get("migrations.ddl.lock.timeouts").tag("direction", "upgrade").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

}
