package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.benchmarks.tools.Workload.GeneratedRevision;

/**
 * The floor: the least a tool can do. It lists the directory and reads every file (the
 * revisions' loading), reads the applied versions with one query, and runs each pending
 * file as one multi-statement {@code execute} in a transaction with one state-row insert.
 * No checksums, no lock, no history, no validation.
 */
final class PlainJdbcFloor implements MigrationTool {

	@Override
	public String name() {
		return "JDBC floor";
	}

	@Override
	public String version() {
		return "-";
	}

	@Override
	public void write(Workload workload, Path directory) throws IOException {
		for (GeneratedRevision revision : workload.revisions()) {
			Path file = directory.resolve(revision.paddedIndex() + "_" + revision.table() + ".sql");
			Files.writeString(file, revision.upgradeSql(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public int migrate(DataSource dataSource, Path directory) throws IOException, SQLException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.sorted().toList();
		}
		String[] scripts = new String[files.size()];
		for (int i = 0; i < scripts.length; i++) {
			scripts[i] = Files.readString(files.get(i), StandardCharsets.UTF_8);
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Set<Integer> applied = applied(connection);
			int count = 0;
			try (Statement statement = connection.createStatement();
					PreparedStatement insert = connection
						.prepareStatement("INSERT INTO floor_applied (version, script) VALUES (?, ?)")) {
				for (int i = 0; i < scripts.length; i++) {
					String name = files.get(i).getFileName().toString();
					int version = Integer.parseInt(name.substring(0, name.indexOf('_')));
					if (!applied.contains(version)) {
						statement.execute(scripts[i]);
						insert.setInt(1, version);
						insert.setString(2, name);
						insert.executeUpdate();
						connection.commit();
						count++;
					}
				}
			}
			return count;
		}
	}

	private Set<Integer> applied(Connection connection) throws SQLException {
		Set<Integer> applied = new HashSet<>();
		try (Statement statement = connection.createStatement()) {
			boolean mariaDb = connection.getMetaData().getURL().startsWith("jdbc:mariadb:");
			statement.execute("CREATE TABLE IF NOT EXISTS floor_applied (version integer PRIMARY KEY, "
					+ "script text NOT NULL, applied_at "
					+ (mariaDb ? "timestamp(6) NOT NULL DEFAULT current_timestamp(6))"
							: "timestamptz NOT NULL DEFAULT now())"));
			try (ResultSet rows = statement.executeQuery("SELECT version FROM floor_applied")) {
				while (rows.next()) {
					applied.add(rows.getInt(1));
				}
			}
		}
		connection.commit();
		return applied;
	}

	@Override
	public int appliedCount(Connection connection) throws SQLException {
		return Jdbc.count(connection, "SELECT count(*) FROM floor_applied");
	}

}
