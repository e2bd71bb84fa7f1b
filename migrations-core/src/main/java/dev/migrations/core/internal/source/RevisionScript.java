package dev.migrations.core.internal.source;

import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A loaded revision: its graph node, what its header or annotation declares, and how to
 * run it. Either a SQL file or a Java class.
 */
public abstract sealed class RevisionScript permits SqlRevisionScript, JavaRevisionScript {

	private final RevisionNode node;

	private final @Nullable String checksum;

	private final boolean transactional;

	private final @Nullable String createDate;

	RevisionScript(RevisionNode node, @Nullable String checksum, boolean transactional, @Nullable String createDate) {
		this.node = node;
		this.checksum = checksum;
		this.transactional = transactional;
		this.createDate = createDate;
	}

	/** The revision as the graph sees it. */
	public RevisionNode node() {
		return this.node;
	}

	public String id() {
		return this.node.id();
	}

	/**
	 * SHA-256 (hex) of the upgrade, or {@code null} for a Java revision that declares
	 * none.
	 */
	public @Nullable String checksum() {
		return this.checksum;
	}

	/** Whether it runs in a transaction; {@code false} runs it in autocommit. */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * When it was created, as written in the file or annotation; {@code null} if not
	 * given.
	 */
	public @Nullable String createDate() {
		return this.createDate;
	}

	@Override
	public String toString() {
		return this.node.source();
	}

}
