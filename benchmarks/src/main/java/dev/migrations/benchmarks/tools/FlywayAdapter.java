package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrations.benchmarks.tools.Workload.GeneratedRevision;
import org.flywaydb.core.Flyway;

/**
 * Flyway: one versioned migration per revision, {@code V{i}__t_{i}.sql}, migrated with
 * the default configuration (so checksums are validated on migrate).
 */
final class FlywayAdapter implements MigrationTool {

	@Override
	public String name() {
		return "Flyway";
	}

	@Override
	public String version() {
		return Versions.of("org.flywaydb", "flyway-core");
	}

	@Override
	public void write(Workload workload, Path directory) throws IOException {
		for (GeneratedRevision revision : workload.revisions()) {
			Path file = directory.resolve("V" + revision.index() + "__" + revision.table() + ".sql");
			Files.writeString(file, revision.upgradeSql(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public int migrate(DataSource dataSource, Path directory) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + directory)
			.load()
			.migrate().migrationsExecuted;
	}

	@Override
	public int appliedCount(Connection connection) throws SQLException {
		return Jdbc.count(connection,
				"SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL AND type = 'SQL'");
	}

}
