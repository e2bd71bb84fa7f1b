package dev.migrations.core.internal.source;

/**
 * Skipping blanks and comments in the text of one statement as the splitter produced it:
 * {@code --} line comments and nested {@code /* … *}{@code /} block comments
 * (PostgreSQL's rules). Shared by the checks on statements here and the linter's
 * tokenizer.
 */
public final class SqlComments {

	private SqlComments() {
	}

	/**
	 * The index of the first character at or after {@code from} that is neither blank nor
	 * part of a comment; the length of {@code sql} when there is none (an unclosed block
	 * comment runs to the end).
	 */
	public static int skipBlanksAndComments(String sql, int from) {
		int length = sql.length();
		int i = from;
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				i = skipBlockComment(sql, i + 2);
			}
			else {
				return i;
			}
		}
		return length;
	}

	private static int skipBlockComment(String sql, int from) {
		int depth = 1;
		int i = from;
		int length = sql.length();
		while (i < length && depth > 0) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
			}
			else {
				i++;
			}
		}
		return i;
	}

}
