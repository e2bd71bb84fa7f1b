package dev.migrations.core.internal.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.core.graph.RevisionIds;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values of header keys and {@code @Revision} attributes: comma-separated
 * lists, each item checked against the grammar of {@link RevisionIds}. Problems are
 * returned as text for the caller to place in its own exception, naming the field.
 */
final class HeaderValues {

	private HeaderValues() {
	}

	/** The problem with a revision id, or {@code null} if it is valid. */
	static @Nullable String checkId(String id, String field) {
		if (RevisionIds.isReserved(id)) {
			return "'" + id + "' in '" + field + "' is reserved and cannot be a revision id; choose another id";
		}
		if (!RevisionIds.isValidId(id)) {
			return "invalid revision id '" + id + "' in '" + field + "': use " + RevisionIds.ID_RULE + quotingHint(id);
		}
		return null;
	}

	/**
	 * The problem with a branch label, or with a reference to a revision or a branch
	 * ({@code reference}: {@code depends_on}); {@code null} if it is valid.
	 */
	static @Nullable String checkLabel(String label, String field, boolean reference) {
		if (RevisionIds.isReserved(label)) {
			return "'" + label + "' in '" + field + "' is reserved; choose another name";
		}
		if (!(reference ? RevisionIds.isValidReference(label) : RevisionIds.isValidLabel(label))) {
			return "invalid value '" + label + "' in '" + field + "': use " + RevisionIds.LABEL_RULE
					+ quotingHint(label);
		}
		return null;
	}

	private static String quotingHint(String value) {
		return (value.indexOf('\'') >= 0 || value.indexOf('"') >= 0 || value.indexOf('(') >= 0
				|| value.indexOf('[') >= 0) ? "; write values bare and comma-separated, e.g. 'a1b2, c3d4'" : "";
	}

	/**
	 * Checks a list of ids, labels or references.
	 * @param items the items
	 * @param field the field name for messages
	 * @param kind what the items are
	 * @return the problem, or {@code null}
	 */
	static @Nullable String checkAll(List<String> items, String field, Kind kind) {
		Set<String> seen = new LinkedHashSet<>();
		for (String item : items) {
			if (item.isEmpty()) {
				return "empty item in '" + field + "'; separate values with single commas";
			}
			String problem = switch (kind) {
				case ID -> checkId(item, field);
				case LABEL -> checkLabel(item, field, false);
				case REFERENCE -> checkLabel(item, field, true);
			};
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

	/** What the items of a list are. */
	enum Kind {

		/** Revision ids ({@code down_revision}). */
		ID,

		/** Branch labels ({@code branch_labels}). */
		LABEL,

		/** Revision ids or branch labels ({@code depends_on}). */
		REFERENCE

	}

}
