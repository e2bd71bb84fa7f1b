package dev.migrations.core.internal.source;

import java.sql.SQLException;

/**
 * Splits a script into statements, streaming: lines are pushed in one by one and each
 * statement goes to a {@link StatementHandler} as soon as it ends.
 */
public interface ScriptSplitter {

	/**
	 * Reads the next line, handing over each statement it completes.
	 * @param line the line without its terminator
	 * @param lineNumber its 1-based number in the file
	 * @throws SQLException if the handler fails
	 */
	void line(String line, int lineNumber) throws SQLException;

	/**
	 * Ends the script: hands over a last statement that has no terminator.
	 * @throws SQLException if the handler fails
	 */
	void finish() throws SQLException;

}
