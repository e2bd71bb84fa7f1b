package dev.migrations.core.internal.source;

import java.sql.SQLException;

/**
 * The statement a {@link ScriptSplitter} is reading: its text, gathered line by line, the
 * line it started on, and how much of it is significant (up to its last character outside
 * comments); {@link #emit} hands it to the {@link StatementHandler}. The splitters scan
 * the lines; this buffer is the part of their work that does not depend on the SQL
 * dialect.
 * <p>
 * A splitter passes, for the current line, the index {@code segment} where the
 * statement's text on that line begins: {@link #segmentStart()} at the start of a line,
 * or the index of the statement's first character on the line that starts it.
 */
final class StatementBuffer {

	/** A larger builder is dropped after its statement, so one huge one is not kept. */
	private static final int MAX_RETAINED_CAPACITY = 64 * 1024;

	private final StatementHandler handler;

	private StringBuilder text = new StringBuilder();

	private boolean started;

	/** Length of the statement text up to its last character outside comments. */
	private int significantEnd;

	private int statementLine;

	StatementBuffer(StatementHandler handler) {
		this.handler = handler;
	}

	/** Whether a statement is being read. */
	boolean isStarted() {
		return this.started;
	}

	/** Where the statement's text on a new line begins: 0 inside a statement, else -1. */
	int segmentStart() {
		return this.started ? 0 : -1;
	}

	/** Starts a statement whose first character is on line {@code lineNumber}. */
	void start(int lineNumber) {
		this.started = true;
		this.statementLine = lineNumber;
	}

	/** Marks the statement text as significant up to {@code end} of the current line. */
	void significant(int end, int segment) {
		this.significantEnd = this.text.length() + (end - segment);
	}

	/** Ends the statement at {@code end} of the current line and hands it over. */
	void emit(String line, int segment, int end) throws SQLException {
		this.text.append(line, segment, end);
		emit();
	}

	/**
	 * Keeps the rest of the current line, from {@code segment}, if a statement is open.
	 */
	void endLine(String line, int segment) {
		if (this.started) {
			this.text.append(line, segment, line.length()).append('\n');
		}
	}

	/** At the end of the script: hands over a last statement that has no terminator. */
	void finish() throws SQLException {
		if (this.started) {
			emit();
		}
	}

	private void emit() throws SQLException {
		StringBuilder builder = this.text;
		String sql = builder.substring(0, this.significantEnd);
		this.started = false;
		if (builder.capacity() > MAX_RETAINED_CAPACITY) {
			this.text = new StringBuilder(256);
		}
		else {
			builder.setLength(0);
		}
		this.handler.handle(new SqlStatement(sql, this.statementLine));
	}

}
