/**
 * The revision graph: a pure, immutable, in-memory model of revisions and their relations
 * with Alembic's semantics. No files, no JDBC.
 */
@NullMarked
package dev.migrations.core.graph;

import org.jspecify.annotations.NullMarked;
