package dev.migrations.core;

import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A revision of the code as it was loaded: its graph node and what its file or class
 * declares besides.
 *
 * @param node the revision as the graph sees it (id, parents, labels, message, source)
 * @param checksum SHA-256 (hex) of its upgrade; {@code null} for a Java revision that
 * declares none
 * @param createDate its {@code create_date} as written; {@code null} when not given
 * @param transactional whether it runs in a transaction
 */
public record RevisionInfo(RevisionNode node, @Nullable String checksum, @Nullable String createDate,
		boolean transactional) {

	public String id() {
		return this.node.id();
	}

}
