package dev.migrations.core;

/** The state of one revision in a database. */
public enum RevisionState {

	/** Recorded as applied. */
	APPLIED,

	/** Known to the code, not applied. */
	PENDING,

	/**
	 * Being run now by the run holding the lock (only a revision that cannot roll back
	 * shows this while it runs).
	 */
	RUNNING,

	/**
	 * Recorded {@code FAILED}, or interrupted while running: it may be partly applied;
	 * fix it and run repair.
	 */
	FAILED,

	/** Recorded in the database, unknown to the code. */
	UNKNOWN

}
