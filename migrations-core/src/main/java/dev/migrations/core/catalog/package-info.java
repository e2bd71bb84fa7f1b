/**
 * A schema as the database itself describes it:
 * {@link dev.migrations.core.catalog.Catalog} reads the tables, columns, constraints,
 * indexes, sequences, types, views, functions and triggers of one schema into an
 * immutable snapshot, and
 * {@link dev.migrations.core.catalog.Catalog#differences(Catalog, Catalog)} lists what
 * separates two snapshots as {@link dev.migrations.core.catalog.CatalogDifference}s. The
 * test kit compares the catalog before an upgrade with the one after its downgrade;
 * autogenerate compares the model's catalog with the revisions'.
 */
@NullMarked
package dev.migrations.core.catalog;

import org.jspecify.annotations.NullMarked;
