package dev.migrations.core.graph;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The grammar of revision ids and branch labels, the one the loader, the graph and the
 * writers of new revisions all check against. A revision id is 1 to 64 letters, digits,
 * {@code _} and {@code .}; a branch label may also hold {@code -}, but starts with a
 * letter, a digit or {@code _}; neither may be one of the reserved words {@code head},
 * {@code heads}, {@code base} and {@code current}.
 */
public final class RevisionIds {

	/** The longest id or label. */
	public static final int MAX_LENGTH = 64;

	/** The shortest prefix that may stand for a revision id. */
	public static final int MIN_PREFIX = 4;

	/** The rule for revision ids, for messages. */
	public static final String ID_RULE = "1-64 letters, digits, '_' or '.'";

	/** The rule for branch labels, for messages. */
	public static final String LABEL_RULE = "1-64 letters, digits, '_', '.' or '-', not starting with '.' or '-'";

	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private RevisionIds() {
	}

	/** Whether {@code value} is a word the graph gives a meaning to. */
	public static boolean isReserved(String value) {
		return RESERVED.contains(value);
	}

	public static boolean isValidId(String id) {
		return idProblem(id) == null;
	}

	public static boolean isValidLabel(String label) {
		return labelProblem(label) == null;
	}

	/** What is wrong with {@code id} as a revision id; {@code null} when nothing. */
	public static @Nullable String idProblem(String id) {
		if (!matches(id, false)) {
			return "a revision id is " + ID_RULE;
		}
		return isReserved(id) ? "'head', 'heads', 'base' and 'current' are reserved words" : null;
	}

	/** What is wrong with {@code label} as a branch label; {@code null} when nothing. */
	public static @Nullable String labelProblem(String label) {
		if (!matches(label, true)) {
			return "a branch label is " + LABEL_RULE;
		}
		return isReserved(label) ? "'head', 'heads', 'base' and 'current' are reserved words" : null;
	}

	/** Whether {@code value} can name a revision or a branch ({@code depends_on}). */
	public static boolean isValidReference(String value) {
		return isValidId(value) || isValidLabel(value);
	}

	private static boolean matches(String value, boolean label) {
		int length = value.length();
		if (length < 1 || length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || (label && c == '-');
			if (!valid || (label && i == 0 && (c == '.' || c == '-'))) {
				return false;
			}
		}
		return true;
	}

}
