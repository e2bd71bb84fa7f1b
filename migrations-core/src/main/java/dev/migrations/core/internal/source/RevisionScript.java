package dev.migrations.core.internal.source;

import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A loaded revision: its graph node and how to run it. Either a SQL file or a Java class.
 */
public sealed interface RevisionScript permits SqlRevisionScript, JavaRevisionScript {

	/** The revision as the graph sees it. */
	RevisionNode node();

	/**
	 * SHA-256 (hex) of the upgrade, or {@code null} for a Java revision that declares
	 * none.
	 */
	@Nullable String checksum();

	/**
	 * When it was created, as written in the file or annotation; {@code null} if not
	 * given.
	 */
	@Nullable String createDate();

	/** Whether it runs in a transaction; {@code false} runs it in autocommit. */
	boolean transactional();

	default String id() {
		return node().id();
	}

}
