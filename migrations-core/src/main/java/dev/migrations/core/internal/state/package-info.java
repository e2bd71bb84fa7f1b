/**
 * The state tables: their creation, reading, and the statements writing their rows.
 * Internal: not an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.state;

import org.jspecify.annotations.NullMarked;
