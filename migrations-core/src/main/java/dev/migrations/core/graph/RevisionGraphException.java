package dev.migrations.core.graph;

import dev.migrations.core.MigrationsException;

/**
 * Root of the errors of the revision graph: a graph that cannot be built, an identifier
 * that cannot be resolved, or a plan that cannot be made. Subtypes carry the data.
 */
public abstract class RevisionGraphException extends MigrationsException {

	protected RevisionGraphException(String message) {
		super(message);
	}

	protected RevisionGraphException(String description, String action) {
		super(description, action, null);
	}

}
