package dev.migrations.core.graph;

import java.util.Set;

/**
 * The grammar of revision ids and branch labels.
 */
final class RevisionIds {

	static final int MAX_LENGTH = 64;

	static final int MIN_PREFIX = 4;

	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private RevisionIds() {
	}

	/** 1–64 letters, digits, {@code _} and {@code .}, not a reserved word. */
	static boolean isValidId(String id) {
		return isValid(id, false);
	}

	/** As an id, and {@code -} is allowed too. */
	static boolean isValidLabel(String label) {
		return isValid(label, true);
	}

	static boolean isReserved(String value) {
		return RESERVED.contains(value);
	}

	private static boolean isValid(String value, boolean dash) {
		if (value.isEmpty() || value.length() > MAX_LENGTH || isReserved(value)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || (dash && c == '-');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

}
