package dev.migrations.core.graph;

import java.util.List;

/**
 * Several targets of which one is an ancestor of another.
 */
public class OverlappingTargetsException extends RevisionGraphException {

	private final String revision;

	private final List<String> overlapping;

	public OverlappingTargetsException(String revision, List<String> overlapping) {
		super("Requested revision " + revision + " overlaps with other requested revisions "
				+ String.join(", ", overlapping) + "; give only revisions on separate branches");
		this.revision = revision;
		this.overlapping = List.copyOf(overlapping);
	}

	/** The target that is an ancestor of the others. */
	public String revision() {
		return this.revision;
	}

	/** The targets descending from it. */
	public List<String> overlapping() {
		return this.overlapping;
	}

}
