package dev.migrations.core.internal.lint;

import java.util.Locale;

/**
 * One token of a statement: a word (keyword or unquoted identifier), a quoted identifier,
 * a string, a number, or a symbol.
 *
 * @param kind what it is
 * @param text a word in lower case, a quoted identifier's or a string's content, else the
 * text as written
 */
record Token(Kind kind, String text) {

	static Token word(String text) {
		return new Token(Kind.WORD, text.toLowerCase(Locale.ROOT));
	}

	/** Whether this is the word {@code keyword} (given in lower case). */
	boolean is(String keyword) {
		return this.kind == Kind.WORD && this.text.equals(keyword);
	}

	/** Whether this is the symbol {@code symbol}. */
	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/** Whether this can name an object: a word or a quoted identifier. */
	boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
	}

	enum Kind {

		WORD, QUOTED, STRING, NUMBER, SYMBOL

	}

}
