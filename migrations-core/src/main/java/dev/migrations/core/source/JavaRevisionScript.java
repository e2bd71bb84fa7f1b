package dev.migrations.core.source;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/** A revision defined by a {@link JavaRevision} class. */
public final class JavaRevisionScript implements RevisionScript {

	private final RevisionNode node;

	private final @Nullable String checksum;

	private final boolean transactional;

	private final JavaRevision revision;

	private JavaRevisionScript(RevisionNode node, @Nullable String checksum, boolean transactional,
			JavaRevision revision) {
		this.node = node;
		this.checksum = checksum;
		this.transactional = transactional;
		this.revision = revision;
	}

	@Override
	public RevisionNode node() {
		return this.node;
	}

	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	/** The instance whose {@code upgrade} and {@code downgrade} run. */
	public JavaRevision revision() {
		return this.revision;
	}

}
