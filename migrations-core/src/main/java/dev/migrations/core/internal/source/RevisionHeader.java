package dev.migrations.core.internal.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The header of a SQL revision file.
 *
 * @param revision the revision id
 * @param downRevisions parents; empty for a base
 * @param branchLabels branch labels
 * @param dependsOn revision ids or labels it depends on
 * @param createDate the create date as written, or {@code null}
 * @param message the {@code message:} value, else the first paragraph of the other
 * comment lines, else empty
 * @param transactional whether it runs in a transaction
 * @param lintIgnore the lint rule ids silenced for this revision
 * @param lintIgnoreLine the line of {@code lint_ignore:}, 0 when absent
 */
record RevisionHeader(String revision, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
		@Nullable String createDate, String message, boolean transactional, List<String> lintIgnore,
		int lintIgnoreLine) {

	RevisionHeader {
		lintIgnore = List.copyOf(lintIgnore);
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

}
