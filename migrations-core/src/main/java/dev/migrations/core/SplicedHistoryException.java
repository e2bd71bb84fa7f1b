package dev.migrations.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Revisions were inserted into history the database has already applied: they are not
 * applied while revisions descending from them are.
 */
public class SplicedHistoryException extends MigrationsException {

	private static final String DESCRIPTION = "Revision(s) spliced into applied history: ";

	private final Map<String, List<String>> appliedDescendants;

	/**
	 * @param spliced the unapplied revisions' ids with their sources
	 * @param appliedDescendants for each, the applied revisions descending from it
	 */
	public SplicedHistoryException(Map<String, String> spliced, Map<String, List<String>> appliedDescendants) {
		super(DESCRIPTION + spliced.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " (" + entry.getValue() + ") is not applied but its descendant(s) "
					+ String.join(", ", appliedDescendants.get(entry.getKey())) + " are")
			.collect(Collectors.joining("; ")),
				"Give the new revision a down_revision on the current head instead, or apply its change by hand "
						+ "and 'migrations stamp' it.",
				null);
		this.appliedDescendants = Map.copyOf(appliedDescendants);
	}

	/** The short form of the problem for a status: the spliced revisions' ids. */
	public static String summary(List<String> revisions) {
		return DESCRIPTION + String.join(", ", revisions);
	}

	/** The spliced revisions' ids, each with the applied revisions descending from it. */
	public Map<String, List<String>> appliedDescendants() {
		return this.appliedDescendants;
	}

}
