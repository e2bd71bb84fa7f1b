package dev.migrations.core.internal.autogenerate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.internal.source.SqlStatement;
import dev.migrations.core.internal.source.SqlStatementSplitter;

/**
 * Runs a SQL script (the model script, or a generated section in the self-check) in a
 * scratch database, in one transaction where the database allows it.
 */
final class ScriptRunner {

	private ScriptRunner() {
	}

	/** The statements of a script, split as revision files are. */
	static List<SqlStatement> statements(String script, String source) {
		List<SqlStatement> statements = new ArrayList<>();
		try {
			SqlStatementSplitter.split(new StringReader(script), source, statements::add);
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return statements;
	}

	/**
	 * Runs {@code script} on {@code dataSource}. On PostgreSQL the statements go as one
	 * JDBC batch (one round trip, in one transaction); when the batch fails, it is rolled
	 * back and the statements run again one by one, so that the failure names the
	 * statement and its error exactly as a run statement by statement does.
	 * @throws ScriptFailedException naming the source and the statement's line
	 */
	static void run(DataSource dataSource, String script, String source) {
		List<SqlStatement> statements = statements(script, source);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement jdbc = connection.createStatement()) {
				if (statements.size() > 1 && isPostgres(connection) && batch(connection, jdbc, statements)) {
					connection.commit();
					return;
				}
				for (SqlStatement statement : statements) {
					try {
						jdbc.execute(statement.sql());
					}
					catch (SQLException ex) {
						connection.rollback();
						throw new ScriptFailedException(source, statement, ex);
					}
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new MigrationsException("Could not run " + source + " in a scratch database: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the statements as one batch.
	 * @return whether it succeeded; when not, it was rolled back
	 */
	private static boolean batch(Connection connection, Statement jdbc, List<SqlStatement> statements)
			throws SQLException {
		for (SqlStatement statement : statements) {
			jdbc.addBatch(statement.sql());
		}
		try {
			jdbc.executeBatch();
			return true;
		}
		catch (SQLException ex) {
			connection.rollback();
			jdbc.clearBatch();
			return false;
		}
	}

	/**
	 * Whether DDL is transactional there, so that a failed batch leaves nothing behind.
	 */
	private static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

	/** A statement of a script failed. */
	static final class ScriptFailedException extends MigrationsException {

		private final SqlStatement statement;

		ScriptFailedException(String source, SqlStatement statement, SQLException cause) {
			super(source + " failed in a scratch database at line " + statement.line() + " (SQLState "
					+ cause.getSQLState() + "): " + cause.getMessage(), cause);
			this.statement = statement;
		}

		SqlStatement statement() {
			return this.statement;
		}

	}

}
