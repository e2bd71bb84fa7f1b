package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.benchmarks.tools.Workload.GeneratedRevision;

/**
 * What the Spring Boot startup benchmark ({@code dev.migrations.benchmarks.boot}) reuses
 * of the comparison: the generated revisions in each tool's format, the server's
 * databases, the checks, the environment's description and the number format.
 */
public final class BootSupport {

	private final PostgresServer server;

	/**
	 * The support for a server.
	 * @param baseUrl a JDBC URL without a database name
	 * @param user the user, allowed to create databases
	 * @param password the password
	 */
	public BootSupport(String baseUrl, String user, String password) {
		this.server = new PostgresServer(baseUrl, user, password);
		if (this.server.mariaDb()) {
			throw new IllegalArgumentException("The Spring Boot benchmark runs on PostgreSQL, not " + baseUrl);
		}
	}

	/**
	 * Writes revisions {@code 1..count} in a tool's format into a directory, as the
	 * comparison does.
	 * @param tool {@code Migrations}, {@code Flyway} or {@code Liquibase}
	 */
	public static void write(String tool, int count, Path directory) throws IOException {
		Tools.named(tool).write(Workload.of(count), directory);
	}

	/** The version of a tool's library, e.g. {@code 13.12.0}. */
	public static String version(String tool) {
		return Tools.named(tool).version();
	}

	/** Drops a database if it exists and creates it empty. */
	public void recreate(String database) throws SQLException {
		this.server.drop(database);
		this.server.create(database);
	}

	/** Drops a database if it exists. */
	public void drop(String database) throws SQLException {
		this.server.drop(database);
	}

	/**
	 * Creates the schema of revisions {@code 1..count} without any tool: their upgrade
	 * SQL, in one transaction.
	 */
	public void createSchema(String database, int count) throws SQLException {
		try (Connection connection = this.server.connect(database);
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (GeneratedRevision revision : Workload.of(count).revisions()) {
				statement.execute(revision.upgradeSql());
			}
			connection.commit();
		}
	}

	/** The generated tables {@code t_*} in a database's {@code public} schema. */
	public int tables(String database) throws SQLException {
		try (Connection connection = this.server.connect(database)) {
			return Jdbc.count(connection,
					"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'");
		}
	}

	/** The revisions a tool's state table records as applied. */
	public int applied(String tool, String database) throws SQLException {
		try (Connection connection = this.server.connect(database)) {
			return Tools.named(tool).appliedCount(connection);
		}
	}

	/** The server's version, e.g. {@code 15.20}. */
	public String serverVersion() throws SQLException {
		return this.server.version();
	}

	/** The JDK the benchmark runs on. */
	public static String jdk() {
		return Environment.jdk();
	}

	/** The CPU model and cores. */
	public static String machine() {
		return Environment.machine();
	}

	/** The one-minute load average. */
	public static String load() {
		return Environment.load();
	}

	/** Now, in UTC. */
	public static String now() {
		return Environment.now();
	}

	/** Three significant digits or so, as in the comparison's table. */
	public static String number(double value) {
		return TablePrinter.number(value);
	}

}
