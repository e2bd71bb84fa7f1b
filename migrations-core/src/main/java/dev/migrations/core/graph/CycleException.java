package dev.migrations.core.graph;

import java.util.List;

/**
 * Revisions that are their own ancestors through {@code down_revision} or
 * {@code depends_on}; a self-loop is a cycle of one.
 */
public class CycleException extends RevisionGraphException {

	private final List<String> revisions;

	public CycleException(List<String> revisions) {
		super(((revisions.size() == 1) ? "Self-loop is detected in revision " + revisions.get(0)
				: "Cycle is detected in revisions (" + String.join(", ", revisions) + ")")
				+ "; correct the down_revision or depends_on so that no revision is its own ancestor");
		this.revisions = List.copyOf(revisions);
	}

	/** The revisions on the cycle, in the cycle's order, starting at the first loaded. */
	public List<String> revisions() {
		return this.revisions;
	}

}
