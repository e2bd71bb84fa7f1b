package dev.migrations.core.internal.source;

import java.sql.SQLException;

import dev.migrations.core.RevisionFileException;

/**
 * Splits MariaDB and MySQL scripts into statements as the {@code mysql} (and
 * {@code mariadb}) command-line client does, streaming like {@link SqlStatementSplitter}.
 * <p>
 * The delimiter ({@code ;} unless changed) ends a statement except inside
 * <ul>
 * <li>single- and double-quoted strings, where a backslash escapes the next character
 * ({@code 'it\'s'}) and a doubled quote stands for itself ({@code 'it''s'});</li>
 * <li>backtick-quoted identifiers ({@code `a;b`}, a doubled backtick standing for
 * itself);</li>
 * <li>{@code #} comments and {@code -- } comments (two dashes followed by a blank or the
 * line's end: {@code --x} is not a comment), and {@code /* … *}{@code /} comments, which
 * do not nest.</li>
 * </ul>
 * Version comments {@code /*! … *}{@code /} and {@code /*M! … *}{@code /} (and optimizer
 * hints {@code /*+ … *}{@code /}) are statement text the server reads, kept as they are.
 * A line {@code DELIMITER x} (outside a statement) sets the delimiter to {@code x} until
 * the next {@code DELIMITER}, so that the bodies of procedures, functions, triggers and
 * events can hold {@code ;}; the line itself is no statement. Parentheses and
 * {@code BEGIN … END} are not counted: as in the client, a routine body holding {@code ;}
 * needs a {@code DELIMITER}. Statement text, line numbers and errors are as for
 * {@link SqlStatementSplitter}; a line starting with a backslash outside strings and
 * comments (a client command such as {@code \g}) is an error naming its line.
 */
public final class MySqlStatementSplitter implements ScriptSplitter {

	private final String source;

	private final StatementBuffer statement;

	private State state = State.NORMAL;

	private String delimiter = ";";

	private int openedLine;

	/** Inside a {@code /*!} version comment, whose text is kept. */
	private boolean versionComment;

	public MySqlStatementSplitter(String source, StatementHandler handler) {
		this.source = source;
		this.statement = new StatementBuffer(handler);
	}

	@Override
	public void line(String line, int lineNumber) throws SQLException {
		int length = line.length();
		int segment = this.statement.segmentStart();
		int i = 0;
		if (this.state == State.NORMAL && !this.versionComment) {
			if (!this.statement.isStarted() && delimiterCommand(line, lineNumber)) {
				return;
			}
			checkNoClientCommand(line, lineNumber);
		}
		while (i < length) {
			if (this.state != State.NORMAL) {
				boolean comment = this.state == State.BLOCK_COMMENT;
				i = skipQuoted(line, i);
				if (!comment && this.state == State.NORMAL) {
					this.statement.significant(i, segment);
				}
				continue;
			}
			char c = line.charAt(i);
			if (isBlank(c)) {
				i++;
			}
			else if (line.startsWith(this.delimiter, i)) {
				if (this.statement.isStarted()) {
					this.statement.emit(line, segment, i);
					segment = -1;
				}
				i += this.delimiter.length();
			}
			else if (c == '#' || (c == '-' && i + 1 < length && line.charAt(i + 1) == '-'
					&& (i + 2 == length || isBlank(line.charAt(i + 2)) || line.charAt(i + 2) < ' '))) {
				break;
			}
			else if (c == '/' && i + 1 < length && line.charAt(i + 1) == '*' && !isKeptComment(line, i + 2)) {
				open(State.BLOCK_COMMENT, lineNumber);
				i += 2;
			}
			else {
				if (!this.statement.isStarted()) {
					this.statement.start(lineNumber);
					segment = i;
				}
				i = token(line, i, c, lineNumber);
				this.statement.significant(i, segment);
			}
		}
		this.statement.endLine(line, segment);
	}

	/** {@code /*!}, {@code /*M!} and {@code /*+}: text the server reads. */
	private static boolean isKeptComment(String line, int i) {
		if (i >= line.length()) {
			return false;
		}
		char c = line.charAt(i);
		return c == '!' || c == '+' || (c == 'M' && i + 1 < line.length() && line.charAt(i + 1) == '!');
	}

	/**
	 * Handles a {@code DELIMITER x} line (the client's command, case-insensitive, at the
	 * start of a statement).
	 * @return whether the line was one
	 */
	private boolean delimiterCommand(String line, int lineNumber) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		int keyword = "delimiter".length();
		if (!line.regionMatches(true, i, "delimiter", 0, keyword)
				|| (i + keyword < line.length() && !isBlank(line.charAt(i + keyword)))) {
			return false;
		}
		int start = i + keyword;
		while (start < line.length() && isBlank(line.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < line.length() && !isBlank(line.charAt(end))) {
			end++;
		}
		String value = line.substring(start, end);
		if (value.isEmpty()) {
			throw new RevisionFileException(this.source, lineNumber,
					"'DELIMITER' needs the new delimiter, e.g. 'DELIMITER //' (and 'DELIMITER ;' after the routine)");
		}
		if (value.indexOf('\\') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('"') >= 0
				|| value.indexOf('`') >= 0) {
			throw new RevisionFileException(this.source, lineNumber, "'DELIMITER " + value
					+ "' uses a quote or backslash, which the mysql client refuses; use e.g. 'DELIMITER //'");
		}
		this.delimiter = value;
		return true;
	}

	private void checkNoClientCommand(String line, int lineNumber) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		if (i == line.length() || line.charAt(i) != '\\') {
			return;
		}
		int end = Math.min(line.length(), i + 2);
		throw new RevisionFileException(this.source, lineNumber, "'" + line.substring(i, end)
				+ "' is a command of the mysql client, which only the client understands (statements go to the server "
				+ "as they are); remove it, and end statements with the delimiter ('" + this.delimiter + "')");
	}

	@Override
	public void finish() throws SQLException {
		if (this.state != State.NORMAL) {
			String what = switch (this.state) {
				case SINGLE_QUOTE -> "string ('); close it with '";
				case DOUBLE_QUOTE -> "string (\"); close it with \"";
				case BACKTICK -> "quoted identifier (`); close it with `";
				default -> "block comment (/*); close it with */";
			};
			throw new RevisionFileException(this.source, this.openedLine, "unterminated " + what);
		}
		if (this.versionComment) {
			throw new RevisionFileException(this.source, this.openedLine,
					"unterminated version comment (/*!); close it with */");
		}
		this.statement.finish();
	}

	private int token(String line, int i, char c, int lineNumber) {
		switch (c) {
			case '\'':
				open(State.SINGLE_QUOTE, lineNumber);
				return i + 1;
			case '"':
				open(State.DOUBLE_QUOTE, lineNumber);
				return i + 1;
			case '`':
				open(State.BACKTICK, lineNumber);
				return i + 1;
			case '/':
				if (i + 1 < line.length() && line.charAt(i + 1) == '*') {
					// a kept comment: its text is read as statement text
					this.versionComment = true;
					this.openedLine = lineNumber;
					return i + 2;
				}
				return i + 1;
			case '*':
				if (this.versionComment && i + 1 < line.length() && line.charAt(i + 1) == '/') {
					this.versionComment = false;
					return i + 2;
				}
				return i + 1;
			default:
				return i + 1;
		}
	}

	private int skipQuoted(String line, int i) {
		int length = line.length();
		switch (this.state) {
			case SINGLE_QUOTE:
				return skipString(line, i, '\'', true);
			case DOUBLE_QUOTE:
				return skipString(line, i, '"', true);
			case BACKTICK:
				return skipString(line, i, '`', false);
			default: {
				int close = line.indexOf("*/", i);
				if (close < 0) {
					return length;
				}
				this.state = State.NORMAL;
				return close + 2;
			}
		}
	}

	private int skipString(String line, int i, char quote, boolean backslashEscapes) {
		int length = line.length();
		for (int j = i; j < length; j++) {
			char c = line.charAt(j);
			if (c == '\\' && backslashEscapes) {
				j++;
			}
			else if (c == quote) {
				if (j + 1 < length && line.charAt(j + 1) == quote) {
					j++;
				}
				else {
					this.state = State.NORMAL;
					return j + 1;
				}
			}
		}
		return length;
	}

	private void open(State state, int lineNumber) {
		this.state = state;
		this.openedLine = lineNumber;
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private enum State {

		NORMAL, SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK, BLOCK_COMMENT

	}

}
