package dev.migrations.cli;

import java.util.List;

/**
 * A revision file to write.
 *
 * @param id its revision id
 * @param message its message
 * @param downRevisions its parents; empty for a base, several for a merge
 * @param branchLabels the branch labels it declares
 * @param dependsOn the revisions or branch labels it depends on
 */
record NewRevision(String id, String message, List<String> downRevisions, List<String> branchLabels,
		List<String> dependsOn) {

	NewRevision {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

}
