package dev.migrations.core.graph;

import java.util.List;
import java.util.Set;

/**
 * One revision as the graph sees it: identity, parents, dependencies and labels, without
 * its body. Load order is the order in which nodes are given to {@link RevisionGraph#of}.
 *
 * @param id the revision id (1–64 letters, digits, {@code _} and {@code .})
 * @param downRevisions parents; empty for a base, several for a merge point
 * @param dependsOn revision ids or branch labels this revision depends on
 * @param branchLabels branch labels declared on this revision
 * @param message the one-line description
 * @param source where it was defined (file or class), for messages
 * @param reversible whether it has a downgrade
 */
public record RevisionNode(String id, List<String> downRevisions, List<String> dependsOn, Set<String> branchLabels,
		String message, String source, boolean reversible) {

	public RevisionNode {
		downRevisions = List.copyOf(downRevisions);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = Set.copyOf(branchLabels);
	}

}
