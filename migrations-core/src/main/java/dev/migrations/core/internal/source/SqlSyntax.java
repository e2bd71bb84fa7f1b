package dev.migrations.core.internal.source;

/**
 * How a script is split into statements: as {@code psql} does it, or as the {@code mysql}
 * client does it. Chosen by the dialect of the database a run works on.
 */
public enum SqlSyntax {

	/** PostgreSQL (and H2): see {@link SqlStatementSplitter}. */
	POSTGRESQL,

	/** MariaDB and MySQL: see {@link MySqlStatementSplitter}. */
	MYSQL;

	/** A splitter of this syntax. */
	public ScriptSplitter splitter(String source, StatementHandler handler) {
		return (this == MYSQL) ? new MySqlStatementSplitter(source, handler)
				: new SqlStatementSplitter(source, handler);
	}

}
