package dev.migrations.core;

/**
 * What to do when the database records revisions the code does not know (a newer release
 * migrated it, as in a rolling deploy).
 */
public enum UnknownRevisionPolicy {

	/** Log them and report state {@code AHEAD}; runs go on. */
	WARN,

	/** Refuse to run. */
	FAIL

}
