package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.Arrays;

import dev.migrations.core.RevisionFileException;

/**
 * Splits PostgreSQL scripts into statements on {@code ;}, streaming: lines are pushed in
 * with {@link #line}, and each statement goes to the {@link StatementHandler} as soon as
 * its {@code ;} is read; only the statement being read is held in memory.
 * <p>
 * A {@code ;} ends a statement except inside
 * <ul>
 * <li>single-quoted strings ({@code 'it''s'}), {@code E''} strings with backslash escapes
 * ({@code E'it\'s'}) and double-quoted identifiers ({@code "a;b"});</li>
 * <li>dollar-quoted strings ({@code $$…$$}, {@code $tag$…$tag$}; other tags inside are
 * plain text, so differently tagged quotes nest);</li>
 * <li>{@code --} line comments and nested {@code /* … *}{@code /} block comments;</li>
 * <li>parentheses, and the {@code BEGIN ATOMIC … END} body of a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (psql's own heuristic: {@code BEGIN},
 * {@code CASE} and {@code END} are counted at parenthesis depth 0 in such
 * statements).</li>
 * </ul>
 * Statement text runs from its first to its last character that is neither blank nor in a
 * comment (its {@code ;} excluded): comments before and after it belong to no statement,
 * comments inside it are kept, so appending {@code ;} to a statement is always safe. Its
 * line is the line of that first character. Line ends inside a statement are {@code \n}
 * whatever the file used. Empty statements ({@code ;;}) are skipped; the last statement
 * needs no {@code ;}. A string, quoted identifier or comment still open at the end is an
 * error naming the line where it was opened, and so is a line starting with a backslash
 * outside strings and comments (a psql meta-command such as {@code \set}, or the
 * {@code \.} ending {@code COPY} data).
 */
public final class SqlStatementSplitter implements ScriptSplitter {

	private final String source;

	private final StatementBuffer statement;

	private State state = State.NORMAL;

	private String dollarTag = "";

	private int commentDepth;

	private int openedLine;

	private int parenDepth;

	private int beginDepth;

	private int identifierCount;

	private final char[] leadingKeywords = new char[4];

	/**
	 * Creates a splitter.
	 * @param source the script's name for error messages, e.g. its location
	 * @param handler receives the statements
	 */
	public SqlStatementSplitter(String source, StatementHandler handler) {
		this.source = source;
		this.statement = new StatementBuffer(handler);
	}

	/**
	 * Splits a whole script read from {@code reader}, whose first line is line 1. A
	 * leading byte order mark is ignored.
	 * @param reader the script
	 * @param source the script's name for error messages
	 * @param handler receives the statements
	 * @throws IOException if reading fails
	 * @throws SQLException if the handler fails
	 * @throws RevisionFileException if a string, identifier or comment is not closed
	 */
	public static void split(Reader reader, String source, StatementHandler handler) throws IOException, SQLException {
		SqlSyntax.POSTGRESQL.split(reader, source, handler);
	}

	/**
	 * Reads the next line, handing over each statement it completes.
	 * @param line the line without its terminator
	 * @param lineNumber its 1-based number in the file
	 * @throws SQLException if the handler fails
	 */
	@Override
	public void line(String line, int lineNumber) throws SQLException {
		int length = line.length();
		int segment = this.statement.segmentStart();
		int i = 0;
		if (this.state == State.NORMAL) {
			checkNoMetaCommand(line, lineNumber);
			if (!this.statement.isStarted()) {
				checkNoDelimiterCommand(line, lineNumber);
			}
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
			else if (c == '-' && i + 1 < length && line.charAt(i + 1) == '-') {
				break;
			}
			else if (c == '/' && i + 1 < length && line.charAt(i + 1) == '*') {
				open(State.BLOCK_COMMENT, lineNumber);
				this.commentDepth = 1;
				i += 2;
			}
			else if (c == ';') {
				if (this.statement.isStarted() && this.parenDepth == 0 && this.beginDepth == 0) {
					this.statement.emit(line, segment, i);
					segment = -1;
				}
				else if (this.statement.isStarted()) {
					this.statement.significant(i + 1, segment);
				}
				i++;
			}
			else {
				if (!this.statement.isStarted()) {
					start(lineNumber);
					segment = i;
				}
				i = token(line, i, c, lineNumber);
				this.statement.significant(i, segment);
			}
		}
		this.statement.endLine(line, segment);
	}

	/**
	 * Refuses a line that starts (outside strings and comments) with a backslash: a psql
	 * meta-command ({@code \set}, {@code \i}, {@code \connect}, ...) or the {@code \.}
	 * ending {@code COPY} data, which no server understands and which would be glued onto
	 * the next statement.
	 */
	private void checkNoMetaCommand(String line, int lineNumber) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		if (i == line.length() || line.charAt(i) != '\\') {
			return;
		}
		int end = i + 1;
		while (end < line.length() && !isBlank(line.charAt(end))) {
			end++;
		}
		String command = line.substring(i, end);
		if (command.equals("\\.")) {
			throw new RevisionFileException(this.source, lineNumber, "'\\.' ends the data of a COPY ... FROM STDIN, "
					+ "which only psql can send; load the data with INSERT statements, or with COPY ... FROM a file "
					+ "or PROGRAM on the database server");
		}
		throw new RevisionFileException(this.source, lineNumber,
				"'" + command + "' is a psql meta-command, which "
						+ "only psql understands (statements go to the server as they are); remove it, and use SQL "
						+ "instead (SET for a setting; one revision per script rather than \\i or \\include)");
	}

	/**
	 * Refuses a statement starting with {@code DELIMITER}: a command of the {@code mysql}
	 * client, which means nothing to PostgreSQL or H2 (a script using it is for MariaDB
	 * or MySQL, split by {@link MySqlStatementSplitter}).
	 */
	private void checkNoDelimiterCommand(String line, int lineNumber) {
		int i = 0;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		int end = i + "delimiter".length();
		if (line.regionMatches(true, i, "delimiter", 0, "delimiter".length())
				&& (end == line.length() || isBlank(line.charAt(end)))) {
			throw new RevisionFileException(this.source, lineNumber, "'DELIMITER' is a command of the mysql client, "
					+ "for MariaDB and MySQL only; this script is split for PostgreSQL or H2, where a routine body "
					+ "is dollar-quoted ($$ ... $$) and needs no DELIMITER");
		}
	}

	/**
	 * Ends the script: hands over a last statement that has no {@code ;}.
	 * @throws SQLException if the handler fails
	 * @throws RevisionFileException if a string, identifier or comment is not closed
	 */
	@Override
	public void finish() throws SQLException {
		if (this.state != State.NORMAL) {
			String what = switch (this.state) {
				case SINGLE_QUOTE -> "string ('); close it with '";
				case ESCAPE_QUOTE -> "escape string (E'); close it with '";
				case DOUBLE_QUOTE -> "quoted identifier (\"); close it with \"";
				case DOLLAR_QUOTE -> "dollar-quoted string (" + this.dollarTag + "); close it with " + this.dollarTag;
				default -> "block comment (/*); close it with */";
			};
			throw new RevisionFileException(this.source, this.openedLine, "unterminated " + what);
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
			case '$':
				return dollar(line, i, lineNumber);
			case '(':
				this.parenDepth++;
				return i + 1;
			case ')':
				if (this.parenDepth > 0) {
					this.parenDepth--;
				}
				return i + 1;
			default:
				if (isIdentifierStart(c)) {
					return identifier(line, i, lineNumber);
				}
				if (c >= '0' && c <= '9') {
					return number(line, i);
				}
				return i + 1;
		}
	}

	private int dollar(String line, int i, int lineNumber) {
		int length = line.length();
		int j = i + 1;
		if (j < length && isIdentifierStart(line.charAt(j))) {
			j++;
			while (j < length && isDollarTagPart(line.charAt(j))) {
				j++;
			}
		}
		if (j < length && line.charAt(j) == '$') {
			this.dollarTag = line.substring(i, j + 1);
			open(State.DOLLAR_QUOTE, lineNumber);
			return j + 1;
		}
		return i + 1;
	}

	private int identifier(String line, int i, int lineNumber) {
		int length = line.length();
		int end = i + 1;
		while (end < length && isIdentifierPart(line.charAt(end))) {
			end++;
		}
		if (end == i + 1 && end < length && line.charAt(end) == '\'' && (line.charAt(i) | 0x20) == 'e') {
			open(State.ESCAPE_QUOTE, lineNumber);
			return end + 1;
		}
		keyword(line, i, end - i);
		return end;
	}

	private int number(String line, int i) {
		int length = line.length();
		int end = i + 1;
		while (end < length && (isDollarTagPart(line.charAt(end)) || line.charAt(end) == '.')) {
			end++;
		}
		return end;
	}

	/** psql's heuristic for {@code BEGIN ATOMIC … END} bodies (psqlscan.l). */
	private void keyword(String line, int start, int length) {
		if (this.identifierCount < this.leadingKeywords.length) {
			char code = 0;
			if (is(line, start, length, "create")) {
				code = 'c';
			}
			else if (is(line, start, length, "function")) {
				code = 'f';
			}
			else if (is(line, start, length, "procedure")) {
				code = 'p';
			}
			else if (is(line, start, length, "or")) {
				code = 'o';
			}
			else if (is(line, start, length, "replace")) {
				code = 'r';
			}
			this.leadingKeywords[this.identifierCount] = code;
		}
		this.identifierCount++;
		if (this.parenDepth == 0 && isCreateRoutine()) {
			if (is(line, start, length, "begin")) {
				this.beginDepth++;
			}
			else if (is(line, start, length, "case")) {
				if (this.beginDepth > 0) {
					this.beginDepth++;
				}
			}
			else if (is(line, start, length, "end") && this.beginDepth > 0) {
				this.beginDepth--;
			}
		}
	}

	private boolean isCreateRoutine() {
		char[] k = this.leadingKeywords;
		return k[0] == 'c'
				&& (k[1] == 'f' || k[1] == 'p' || (k[1] == 'o' && k[2] == 'r' && (k[3] == 'f' || k[3] == 'p')));
	}

	private static boolean is(String line, int start, int length, String word) {
		return length == word.length() && line.regionMatches(true, start, word, 0, length);
	}

	private int skipQuoted(String line, int i) {
		int length = line.length();
		switch (this.state) {
			case SINGLE_QUOTE:
				return skipSimpleQuoted(line, i, '\'');
			case DOUBLE_QUOTE:
				return skipSimpleQuoted(line, i, '"');
			case DOLLAR_QUOTE: {
				int close = line.indexOf(this.dollarTag, i);
				if (close < 0) {
					return length;
				}
				this.state = State.NORMAL;
				return close + this.dollarTag.length();
			}
			case ESCAPE_QUOTE:
				for (int j = i; j < length; j++) {
					char c = line.charAt(j);
					if (c == '\\') {
						j++;
					}
					else if (c == '\'') {
						if (j + 1 < length && line.charAt(j + 1) == '\'') {
							j++;
						}
						else {
							this.state = State.NORMAL;
							return j + 1;
						}
					}
				}
				return length;
			default:
				for (int j = i; j < length - 1; j++) {
					char c = line.charAt(j);
					if (c == '/' && line.charAt(j + 1) == '*') {
						this.commentDepth++;
						j++;
					}
					else if (c == '*' && line.charAt(j + 1) == '/') {
						j++;
						if (--this.commentDepth == 0) {
							this.state = State.NORMAL;
							return j + 1;
						}
					}
				}
				return length;
		}
	}

	private int skipSimpleQuoted(String line, int i, char quote) {
		int length = line.length();
		int j = i;
		while (true) {
			int close = line.indexOf(quote, j);
			if (close < 0) {
				return length;
			}
			if (close + 1 < length && line.charAt(close + 1) == quote) {
				j = close + 2;
			}
			else {
				this.state = State.NORMAL;
				return close + 1;
			}
		}
	}

	private void open(State state, int lineNumber) {
		this.state = state;
		this.openedLine = lineNumber;
	}

	private void start(int lineNumber) {
		this.statement.start(lineNumber);
		this.parenDepth = 0;
		this.beginDepth = 0;
		this.identifierCount = 0;
		Arrays.fill(this.leadingKeywords, (char) 0);
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	private static boolean isDollarTagPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	private static boolean isIdentifierPart(char c) {
		return isDollarTagPart(c) || c == '$';
	}

	private enum State {

		NORMAL, SINGLE_QUOTE, ESCAPE_QUOTE, DOUBLE_QUOTE, DOLLAR_QUOTE, BLOCK_COMMENT

	}

}
