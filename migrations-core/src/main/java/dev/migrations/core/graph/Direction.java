package dev.migrations.core.graph;

/** Which way a step moves the database. */
public enum Direction {

	UPGRADE, DOWNGRADE

}
