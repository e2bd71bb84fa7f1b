package dev.migrations.core.internal.source;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.JavaRevisionException;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/** A revision defined by a {@link JavaRevision} class. */
public final class JavaRevisionScript extends RevisionScript {

	private final JavaRevision revision;

	JavaRevisionScript(RevisionNode node, @Nullable String checksum, boolean transactional, @Nullable String createDate,
			JavaRevision revision) {
		super(node, checksum, transactional, createDate);
		this.revision = revision;
	}

	/**
	 * A script for an instance, e.g. a Spring bean. Its class, or for a proxy its nearest
	 * superclass, must be annotated with {@link dev.migrations.core.Revision @Revision}.
	 * The revision is reversible when that class overrides
	 * {@link JavaRevision#downgrade}.
	 * @param revision the instance
	 * @return the script
	 * @throws JavaRevisionException if the annotation is missing or invalid
	 */
	public static JavaRevisionScript of(JavaRevision revision) {
		return JavaRevisionFactory.of(revision);
	}

	/** The instance whose {@code upgrade} and {@code downgrade} run. */
	public JavaRevision revision() {
		return this.revision;
	}

}
