package dev.migrations.core.graph;

import java.util.List;

/**
 * What a stamp changes in the applied set, without running anything.
 *
 * @param mark revisions to record as applied
 * @param unmark revisions to record as no longer applied
 */
public record StampPlan(List<RevisionNode> mark, List<RevisionNode> unmark) {

	public StampPlan {
		mark = List.copyOf(mark);
		unmark = List.copyOf(unmark);
	}

}
