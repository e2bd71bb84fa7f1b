package dev.migrations.boot.autogenerate.library;

/** Stored by name. */
public enum AuthorStatus {

	ACTIVE, RETIRED

}
