package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One tool under comparison, used as its documentation shows for an application starting
 * up: revisions in a directory, a fresh tool instance per run.
 */
interface MigrationTool {

	/** The name shown in the table and passed to a child JVM. */
	String name();

	/** The tool's version, for the table's header. */
	String version();

	/**
	 * Writes the workload's revisions in the tool's own format into an empty directory.
	 */
	void write(Workload workload, Path directory) throws IOException;

	/**
	 * Creates a fresh tool instance on the revisions in {@code directory} and brings the
	 * database to the newest one: the call an application makes when it starts.
	 * @return the number of revisions applied, or {@code -1} when the tool does not say
	 */
	int migrate(DataSource dataSource, Path directory) throws Exception;

	/** Counts the revisions the tool's state table records as applied. */
	int appliedCount(Connection connection) throws SQLException;

}
