package dev.migrations.cli;

import java.util.regex.Pattern;

/** What the revision identifiers given to a command need. */
final class Identifiers {

	/**
	 * Identifiers resolved from the database's current heads: {@code current},
	 * {@code +N}, {@code -N}, {@code <label>@+N}, {@code <label>@-N}.
	 */
	private static final Pattern FROM_CURRENT = Pattern.compile("current|[+-]\\d+|[^@]+@[+-]\\d+");

	private Identifiers() {
	}

	/**
	 * Whether an identifier or a history range ({@code start:end}) needs the database's
	 * current heads to be resolved.
	 */
	static boolean needDatabase(String identifiers) {
		for (String each : identifiers.split(":", -1)) {
			if (FROM_CURRENT.matcher(each.strip()).matches()) {
				return true;
			}
		}
		return false;
	}

}
