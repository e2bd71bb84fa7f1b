package dev.migrations.core;

/** The state of one revision in a database. */
public enum RevisionState {

	/** Recorded as applied. */
	APPLIED,

	/** Known to the code, not applied. */
	PENDING,

	/** Recorded {@code FAILED}: it may be partly applied; fix it and run repair. */
	FAILED,

	/** Recorded in the database, unknown to the code. */
	UNKNOWN

}
