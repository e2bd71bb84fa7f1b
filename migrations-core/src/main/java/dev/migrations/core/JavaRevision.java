package dev.migrations.core;

/**
 * A revision written in Java, annotated with {@link Revision}. Runs in the revision's
 * transaction through the {@link RevisionContext}. A class that does not override
 * {@link #downgrade} is irreversible: plans that would downgrade it are refused.
 */
public interface JavaRevision {

	void upgrade(RevisionContext context) throws Exception;

	default void downgrade(RevisionContext context) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " has no downgrade");
	}

}
