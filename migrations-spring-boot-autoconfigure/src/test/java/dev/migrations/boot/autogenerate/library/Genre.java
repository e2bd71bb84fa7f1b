package dev.migrations.boot.autogenerate.library;

/** Stored by ordinal. */
public enum Genre {

	NOVEL, POETRY, ESSAY

}
