package dev.migrations.boot;

import dev.migrations.core.MigrationState;

/**
 * The state of a migrator as the endpoint and the health indicator report it: the
 * database's {@link MigrationState} with what only the running application knows (a run
 * going or failed, a database out of reach).
 */
public enum ReportedState {

	/** Every revision of the code is applied. */
	UP_TO_DATE,

	/** Revisions of the code are not applied yet. */
	PENDING,

	/**
	 * A run is applying revisions now: this application's, or another instance's running
	 * a revision that cannot roll back.
	 */
	RUNNING,

	/**
	 * A revision is recorded {@code FAILED}, or the latest run of this application
	 * failed.
	 */
	FAILED,

	/** An applied revision changed, or a revision was spliced into applied history. */
	DRIFTED,

	/** The database records revisions the code does not know; nothing is pending. */
	AHEAD,

	/** The state could not be read (the database is unreachable, for example). */
	UNAVAILABLE

}
