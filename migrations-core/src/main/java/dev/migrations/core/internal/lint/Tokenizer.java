package dev.migrations.core.internal.lint;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.internal.source.SqlComments;

/**
 * Splits one statement (as the splitter produced it) into {@link Token}s, skipping
 * comments and blanks. PostgreSQL's lexical rules, as far as recognising statement forms
 * needs them: {@code '...'} and {@code E'...'} strings, {@code "..."} identifiers, dollar
 * quotes, {@code --} and nested block comments, numbers, words, {@code ::} and single
 * symbols.
 */
final class Tokenizer {

	private Tokenizer() {
	}

	/** The tokens of {@code sql}; never fails (text it cannot read ends the list). */
	static List<Token> tokens(String sql) {
		List<Token> tokens = new ArrayList<>();
		int length = sql.length();
		int i = 0;
		while ((i = SqlComments.skipBlanksAndComments(sql, i)) < length) {
			char c = sql.charAt(i);
			if (c == '\'') {
				i = string(sql, i + 1, false, tokens);
			}
			else if ((c == 'E' || c == 'e') && i + 1 < length && sql.charAt(i + 1) == '\'') {
				i = string(sql, i + 2, true, tokens);
			}
			else if (c == '"') {
				int end = i + 1;
				StringBuilder name = new StringBuilder();
				while (end < length) {
					char d = sql.charAt(end);
					if (d == '"') {
						if (end + 1 < length && sql.charAt(end + 1) == '"') {
							name.append('"');
							end += 2;
							continue;
						}
						break;
					}
					name.append(d);
					end++;
				}
				tokens.add(new Token(Token.Kind.QUOTED, name.toString()));
				i = end + 1;
			}
			else if (c == '$' && dollarTagEnd(sql, i) > 0) {
				int tagEnd = dollarTagEnd(sql, i);
				String tag = sql.substring(i, tagEnd + 1);
				int close = sql.indexOf(tag, tagEnd + 1);
				int end = (close < 0) ? length : close;
				tokens.add(new Token(Token.Kind.STRING, sql.substring(tagEnd + 1, end)));
				i = (close < 0) ? length : close + tag.length();
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < length && isWordPart(sql.charAt(end))) {
					end++;
				}
				tokens.add(Token.word(sql.substring(i, end)));
				i = end;
			}
			else if (Character.isDigit(c)) {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Token.Kind.NUMBER, sql.substring(i, end)));
				i = end;
			}
			else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
				tokens.add(new Token(Token.Kind.SYMBOL, "::"));
				i += 2;
			}
			else {
				tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
				i++;
			}
		}
		return tokens;
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	private static int string(String sql, int start, boolean escapes, List<Token> tokens) {
		StringBuilder text = new StringBuilder();
		int i = start;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (escapes && c == '\\' && i + 1 < length) {
				text.append(sql.charAt(i + 1));
				i += 2;
				continue;
			}
			if (c == '\'') {
				if (i + 1 < length && sql.charAt(i + 1) == '\'') {
					text.append('\'');
					i += 2;
					continue;
				}
				break;
			}
			text.append(c);
			i++;
		}
		tokens.add(new Token(Token.Kind.STRING, text.toString()));
		return i + 1;
	}

	/**
	 * The index of the closing {@code $} of a dollar-quote tag opened at {@code start},
	 * or -1.
	 */
	private static int dollarTagEnd(String sql, int start) {
		int i = start + 1;
		if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
			return -1;
		}
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '$') {
				return i;
			}
			if (!Character.isLetterOrDigit(c) && c != '_') {
				return -1;
			}
			i++;
		}
		return -1;
	}

}
