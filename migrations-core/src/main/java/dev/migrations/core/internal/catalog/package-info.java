/**
 * The readers behind {@link dev.migrations.core.catalog.Catalog}: PostgreSQL through
 * {@code pg_catalog}, H2 through {@code INFORMATION_SCHEMA}, and the comparison of two
 * catalogs. Internal: not an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.catalog;

import org.jspecify.annotations.NullMarked;
