/**
 * JDBC plumbing without a pool: data sources opened from a URL. Internal: not an API of
 * Migrations.
 */
@NullMarked
package dev.migrations.core.internal.jdbc;

import org.jspecify.annotations.NullMarked;
