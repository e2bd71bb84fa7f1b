package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;

import dev.migrations.core.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * How a script is split into statements: as {@code psql} does it, or as the {@code mysql}
 * client does it. Chosen by the dialect of the database a run works on.
 */
public enum SqlSyntax {

	/** PostgreSQL (and H2): see {@link SqlStatementSplitter}. */
	POSTGRESQL,

	/** MariaDB and MySQL: see {@link MySqlStatementSplitter}. */
	MYSQL;

	/**
	 * The syntax of scripts for a database of this type; PostgreSQL's when not known (the
	 * loader then checks files as PostgreSQL scripts).
	 */
	public static SqlSyntax of(@Nullable DatabaseType type) {
		return (type == DatabaseType.MARIADB || type == DatabaseType.MYSQL) ? MYSQL : POSTGRESQL;
	}

	/**
	 * Splits a whole script read from {@code reader}, whose first line is line 1; a
	 * leading byte order mark is ignored.
	 * @throws IOException if reading fails
	 * @throws SQLException if the handler fails
	 */
	public void split(Reader reader, String source, StatementHandler handler) throws IOException, SQLException {
		ScriptSplitter splitter = splitter(source, handler);
		ScriptLines lines = new ScriptLines(reader);
		String line;
		while ((line = lines.next()) != null) {
			splitter.line(line, lines.lineNumber());
		}
		splitter.finish();
	}

	/** A splitter of this syntax. */
	public ScriptSplitter splitter(String source, StatementHandler handler) {
		return (this == MYSQL) ? new MySqlStatementSplitter(source, handler)
				: new SqlStatementSplitter(source, handler);
	}

}
