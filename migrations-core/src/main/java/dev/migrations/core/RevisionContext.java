package dev.migrations.core;

import java.sql.Connection;

import dev.migrations.core.graph.Direction;

/** What a {@link JavaRevision} gets while it runs. */
public interface RevisionContext {

	/**
	 * The connection, inside the revision's transaction unless it is non-transactional.
	 */
	Connection connection();

	String revisionId();

	Direction direction();

}
