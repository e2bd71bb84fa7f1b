package dev.migrations.core.internal.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks revision ids and branch labels, for SQL headers and {@code @Revision} alike.
 * Problems are returned as text for the caller to place in its own exception.
 */
final class RevisionIds {

	static final String ID_RULE = "1-64 letters, digits, '_' or '.'";

	static final String LABEL_RULE = "1-64 letters, digits, '_', '.' or '-', not starting with '.' or '-'";

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,63}");

	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private RevisionIds() {
	}

	/** The problem with a revision id, or {@code null} if it is valid. */
	static @Nullable String checkId(String id, String field) {
		if (!isId(id)) {
			return "invalid revision id '" + id + "' in '" + field + "': use " + ID_RULE + quotingHint(id);
		}
		if (RESERVED.contains(id)) {
			return "'" + id + "' in '" + field + "' is reserved and cannot be a revision id; choose another id";
		}
		return null;
	}

	/**
	 * Whether {@code id} matches {@code [A-Za-z0-9_.]{1,64}} (no regex: one per file).
	 */
	private static boolean isId(String id) {
		int length = id.length();
		if (length < 1 || length > 64) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	/** The problem with a branch label (or a revision id in {@code depends_on}). */
	static @Nullable String checkLabel(String label, String field) {
		if (!LABEL.matcher(label).matches()) {
			return "invalid value '" + label + "' in '" + field + "': use " + LABEL_RULE + quotingHint(label);
		}
		if (RESERVED.contains(label)) {
			return "'" + label + "' in '" + field + "' is reserved; choose another name";
		}
		return null;
	}

	private static String quotingHint(String value) {
		return (value.indexOf('\'') >= 0 || value.indexOf('"') >= 0 || value.indexOf('(') >= 0
				|| value.indexOf('[') >= 0) ? "; write values bare and comma-separated, e.g. 'a1b2, c3d4'" : "";
	}

	/**
	 * Checks a list of ids or labels.
	 * @param items the items
	 * @param field the field name for messages
	 * @param labels whether items are labels (else revision ids)
	 * @return the problem, or {@code null}
	 */
	static @Nullable String checkAll(List<String> items, String field, boolean labels) {
		Set<String> seen = new LinkedHashSet<>();
		for (String item : items) {
			if (item.isEmpty()) {
				return "empty item in '" + field + "'; separate values with single commas";
			}
			String problem = labels ? checkLabel(item, field) : checkId(item, field);
			if (problem != null) {
				return problem;
			}
			if (!seen.add(item)) {
				return "'" + field + "' lists '" + item + "' twice; list it once";
			}
		}
		return null;
	}

	/** Splits a comma-separated value; blank gives an empty list. */
	static List<String> splitList(String value) {
		List<String> items = new ArrayList<>();
		if (value.isBlank()) {
			return items;
		}
		if (value.indexOf(',') < 0) {
			items.add(value.strip());
			return items;
		}
		for (String item : value.split(",", -1)) {
			items.add(item.strip());
		}
		return items;
	}

}
