/**
 * Offline SQL: the script a run would execute, rendered without a database. Internal: not
 * an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.offline;

import org.jspecify.annotations.NullMarked;
