package dev.migrations.core.graph;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A parsed revision identifier: an optional branch ({@code <branch>@}), a symbol and an
 * optional relative step count ({@code +N}, {@code -N}).
 *
 * @param text the identifier as given
 * @param branch the part before {@code @}: a branch label or a revision
 * @param kind what the symbol is
 * @param name the revision id, prefix or label when {@code kind} is {@link Kind#NAME}
 * @param steps the relative step count: positive up, negative down, 0 when absolute
 */
record Identifier(String text, @Nullable String branch, Kind kind, @Nullable String name, int steps) {

	boolean isRelative() {
		return this.steps != 0;
	}

	/** The symbol with its branch and without the steps, e.g. {@code c2branch@head}. */
	String symbolText() {
		String symbol = switch (this.kind) {
			case HEAD -> "head";
			case HEADS -> "heads";
			case BASE -> "base";
			case CURRENT -> "current";
			case NAME -> this.name;
			case NONE -> "";
		};
		return (this.branch != null) ? this.branch + "@" + symbol : symbol;
	}

	/**
	 * Parses {@code text}.
	 * @param isName whether a whole text is a revision id or label (so that a label such
	 * as {@code release-2} is not read as {@code release} minus 2)
	 */
	static Identifier parse(String text, Predicate<String> isName) {
		if (text.isEmpty() || text.indexOf(':') >= 0) {
			throw malformed(text);
		}
		@Nullable String branch = null;
		String rest = text;
		int at = text.indexOf('@');
		if (at >= 0) {
			branch = text.substring(0, at);
			rest = text.substring(at + 1);
			if (branch.isEmpty() || rest.isEmpty() || rest.indexOf('@') >= 0) {
				throw malformed(text);
			}
		}
		int steps = 0;
		int sign = Math.max(rest.lastIndexOf('+'), rest.lastIndexOf('-'));
		if (sign >= 0 && !(branch == null && isName.test(rest))) {
			String count = rest.substring(sign + 1);
			if (count.isEmpty() || count.length() > 9 || !count.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(count) == 0) {
				throw malformed(text);
			}
			steps = (rest.charAt(sign) == '+') ? Integer.parseInt(count) : -Integer.parseInt(count);
			rest = rest.substring(0, sign);
		}
		Kind kind = switch (rest) {
			case "" -> Kind.NONE;
			case "head" -> Kind.HEAD;
			case "heads" -> Kind.HEADS;
			case "base" -> Kind.BASE;
			case "current" -> Kind.CURRENT;
			default -> Kind.NAME;
		};
		if (kind == Kind.NONE && steps == 0) {
			throw malformed(text);
		}
		if (kind == Kind.NAME && (rest.indexOf('+') >= 0 || rest.indexOf('-') >= 0) && !isName.test(rest)) {
			throw malformed(text);
		}
		return new Identifier(text, branch, kind, (kind == Kind.NAME) ? rest : null, steps);
	}

	private static RevisionNotFoundException malformed(String text) {
		return RevisionNotFoundException.malformed(text,
				"use head, heads, base, a revision id or a unique prefix of at least 4 characters, a branch label,"
						+ " +N, -N, <rev>+N, <rev>-N, <label>@head, <label>@base, <label>@+N, <label>@-N or"
						+ " <label>@<rev>");
	}

	/** What the symbol of an identifier is. */
	enum Kind {

		/** No symbol: a step count relative to the current heads. */
		NONE,

		HEAD, HEADS, BASE, CURRENT,

		/** A revision id, a unique id prefix or a branch label. */
		NAME

	}

}
