package dev.migrations.core.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An applied set that cannot come from the graph: revisions not applied below applied
 * ones, as when a revision is spliced into history that was already applied.
 */
public class InconsistentHistoryException extends RevisionGraphException {

	private final Map<String, List<String>> missing;

	public InconsistentHistoryException(Map<String, List<String>> missing) {
		super(message(missing));
		this.missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
	}

	private static String message(Map<String, List<String>> missing) {
		String list = missing.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " (below applied " + String.join(", ", entry.getValue()) + ")")
			.collect(Collectors.joining(", "));
		return "The applied revisions cannot come from this revision graph: " + list
				+ " not applied although revisions above are; history was rewritten below applied revisions."
				+ " Move the new revisions above the current heads, or apply their changes by hand and record"
				+ " them with 'migrations stamp'";
	}

	/**
	 * The pending revisions, each with the applied revisions directly above it, both in
	 * load order.
	 */
	public Map<String, List<String>> missing() {
		return this.missing;
	}

}
