package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrations.benchmarks.tools.Workload.GeneratedRevision;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;

/**
 * Migrations: one SQL revision file per revision, a linear chain, upgraded to
 * {@code heads} with the default configuration.
 */
final class MigrationsAdapter implements MigrationTool {

	@Override
	public String name() {
		return "Migrations";
	}

	@Override
	public String version() {
		return Versions.of("dev.migrations", "migrations-core");
	}

	@Override
	public void write(Workload workload, Path directory) throws IOException {
		String parent = "None";
		for (GeneratedRevision revision : workload.revisions()) {
			String id = revision.revisionId();
			Path file = directory.resolve(revision.paddedIndex() + "_" + id + "_" + revision.table() + ".sql");
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write("-- Create " + revision.table() + "\n--\n");
				out.write("-- revision: " + id + "\n");
				out.write("-- down_revision: " + parent + "\n\n");
				out.write("-- +upgrade\n" + revision.upgradeSql() + "\n");
				out.write("-- +downgrade\n" + revision.downgradeSql());
			}
			parent = id;
		}
	}

	@Override
	public int migrate(DataSource dataSource, Path directory) {
		MigrationsConfiguration configuration = MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.locations("filesystem:" + directory)
			.build();
		RunResult result = Migrator.create(configuration).upgrade("heads");
		return result.steps().size();
	}

	@Override
	public int appliedCount(Connection connection) throws SQLException {
		return Jdbc.count(connection, "SELECT count(*) FROM migrations_applied WHERE status = 'APPLIED'");
	}

}
