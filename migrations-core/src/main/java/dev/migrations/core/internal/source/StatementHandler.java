package dev.migrations.core.internal.source;

import java.sql.SQLException;

/** Receives the statements of a script one by one, in order, as they are read. */
@FunctionalInterface
public interface StatementHandler {

	void handle(SqlStatement statement) throws SQLException;

}
