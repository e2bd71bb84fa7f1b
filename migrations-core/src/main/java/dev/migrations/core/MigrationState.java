package dev.migrations.core;

/**
 * The overall state of a database against the code, from worst to best as
 * {@link MigrationStatus#state()} reports it.
 */
public enum MigrationState {

	/**
	 * A revision is recorded {@code FAILED}: runs refuse until it is fixed and repaired.
	 */
	FAILED,

	/**
	 * An applied revision's upgrade changed (checksum), or a revision was spliced into
	 * applied history: runs refuse.
	 */
	DRIFTED,

	/** Revisions of the code are not applied yet. */
	PENDING,

	/**
	 * The database records revisions the code does not know (a newer release migrated
	 * it); nothing of the code is pending.
	 */
	AHEAD,

	/** Every revision of the code is applied. */
	UP_TO_DATE

}
