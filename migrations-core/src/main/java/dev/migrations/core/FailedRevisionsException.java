package dev.migrations.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database records revisions as {@code FAILED} by an earlier run: nothing runs until
 * they are repaired.
 */
public class FailedRevisionsException extends MigrationsException {

	private final Map<String, String> revisions;

	/**
	 * @param revisions the failed revisions' ids and sources, in order
	 */
	public FailedRevisionsException(Map<String, String> revisions) {
		super("Revision(s) recorded as FAILED by an earlier run: " + describe(revisions),
				"Their changes may be partly applied: fix the database by hand, then run 'migrations repair' to "
						+ "clear the mark (and 'migrations stamp' if you completed the revision by hand).",
				null);
		this.revisions = Map.copyOf(revisions);
	}

	private static String describe(Map<String, String> revisions) {
		return revisions.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " (" + entry.getValue() + ")")
			.collect(Collectors.joining(", "));
	}

	/** The short form of the problem for a status: the failed revisions' ids. */
	public static String summary(List<String> revisions) {
		return "Revision(s) recorded FAILED: " + String.join(", ", revisions)
				+ "; fix the database by hand, then run 'migrations repair'";
	}

	/** Ids of the failed revisions. */
	public List<String> revisions() {
		return this.revisions.keySet().stream().sorted().toList();
	}

}
