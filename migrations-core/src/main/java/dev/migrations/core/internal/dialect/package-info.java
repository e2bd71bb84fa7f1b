/**
 * Dialects: one small type per database saying whether it handles a connection, how it
 * quotes identifiers and literals, its state-table DDL and its lock. Internal: not an API
 * of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.dialect;

import org.jspecify.annotations.NullMarked;
