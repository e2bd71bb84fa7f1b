/**
 * Running plans on a connection: transactions, state rows, failure records. Internal: not
 * an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.execution;

import org.jspecify.annotations.NullMarked;
