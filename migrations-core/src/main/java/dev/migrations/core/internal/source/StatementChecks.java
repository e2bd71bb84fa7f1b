package dev.migrations.core.internal.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the loader refuses in a statement of a SQL revision, judged by its leading
 * keywords (comments between them are skipped). Only a statement's first keyword counts:
 * the {@code END} closing a {@code BEGIN ATOMIC} body or a {@code CASE} is inside a
 * statement and never seen here.
 */
final class StatementChecks {

	private static final List<String> TRANSACTION_CONTROL_WORDS = List.of("begin", "end", "abort", "start", "prepare",
			"commit", "rollback");

	private static final List<String> COPY_WORD = List.of("copy");

	private StatementChecks() {
	}

	/**
	 * The transaction control statement {@code sql} is ({@code BEGIN},
	 * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK} (not
	 * {@code ROLLBACK TO SAVEPOINT}), {@code ABORT}, {@code PREPARE TRANSACTION},
	 * {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED}), in upper case; {@code null}
	 * for any other statement.
	 */
	static @Nullable String transactionControl(String sql) {
		if (!firstWordIsOneOf(sql, TRANSACTION_CONTROL_WORDS)) {
			return null;
		}
		List<String> words = leadingWords(sql, 4);
		if (words.isEmpty()) {
			return null;
		}
		String first = words.get(0);
		String second = (words.size() > 1) ? words.get(1) : "";
		switch (first) {
			case "begin", "end", "abort":
				return first.toUpperCase(Locale.ROOT);
			case "start":
				return second.equals("transaction") ? "START TRANSACTION" : null;
			case "prepare":
				return second.equals("transaction") ? "PREPARE TRANSACTION" : null;
			case "commit":
				return second.equals("prepared") ? "COMMIT PREPARED" : "COMMIT";
			case "rollback": {
				if (second.equals("prepared")) {
					return "ROLLBACK PREPARED";
				}
				int next = (second.equals("work") || second.equals("transaction")) ? 2 : 1;
				boolean toSavepoint = words.size() > next && words.get(next).equals("to");
				return toSavepoint ? null : "ROLLBACK";
			}
			default:
				return null;
		}
	}

	/**
	 * Whether {@code sql} is a {@code COPY … FROM STDIN}, whose data follows in the
	 * script.
	 */
	static boolean isCopyFromStdin(String sql) {
		if (!firstWordIsOneOf(sql, COPY_WORD)) {
			return false;
		}
		List<String> words = leadingWords(sql, 1);
		if (words.isEmpty() || !words.get(0).equals("copy")) {
			return false;
		}
		List<String> all = leadingWords(sql, Integer.MAX_VALUE);
		for (int i = 1; i + 1 < all.size(); i++) {
			if (all.get(i).equals("from") && all.get(i + 1).equals("stdin")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the first keyword of {@code sql} (after blanks and comments) is one of
	 * {@code words}, ignoring case: a check that allocates nothing, made before the
	 * statement's words are read, since nearly every statement passes it.
	 */
	private static boolean firstWordIsOneOf(String sql, List<String> words) {
		int length = sql.length();
		int i = SqlComments.skipBlanksAndComments(sql, 0);
		if (i >= length || !(Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
			return false;
		}
		int end = wordEnd(sql, i);
		for (String word : words) {
			if (word.length() == end - i && sql.regionMatches(true, i, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Up to {@code max} keywords of {@code sql} in lower case, skipping blanks and
	 * comments; stops at the first character that is neither (a quote, a parenthesis,
	 * ...) except that the words of {@code COPY}'s column list and options are read on:
	 * quoted text is skipped and anything else is a separator.
	 */
	private static List<String> leadingWords(String sql, int max) {
		List<String> words = new ArrayList<>();
		int length = sql.length();
		boolean all = max == Integer.MAX_VALUE;
		int i = SqlComments.skipBlanksAndComments(sql, 0);
		while (i < length && words.size() < max) {
			char c = sql.charAt(i);
			if (Character.isLetter(c) || c == '_') {
				int end = wordEnd(sql, i);
				words.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
				i = end;
			}
			else if (!all) {
				break;
			}
			else if (c == '\'' || c == '"') {
				int end = sql.indexOf(c, i + 1);
				i = (end < 0) ? length : end + 1;
			}
			else {
				i++;
			}
			i = SqlComments.skipBlanksAndComments(sql, i);
		}
		return words;
	}

	/**
	 * The end of the word (letters, digits, {@code _}, {@code $}) starting at
	 * {@code start}.
	 */
	private static int wordEnd(String sql, int start) {
		int end = start + 1;
		while (end < sql.length()
				&& (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
			end++;
		}
		return end;
	}

}
