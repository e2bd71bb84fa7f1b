/**
 * Running one operation over many targets: the canaries one by one, then the others with
 * bounded parallelism and a failure budget ({@code FleetRunner}); the connections of a
 * schema target ({@code SchemaDataSource}); shards by hash ({@code Shards}). Internal:
 * not an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.fleet;

import org.jspecify.annotations.NullMarked;
