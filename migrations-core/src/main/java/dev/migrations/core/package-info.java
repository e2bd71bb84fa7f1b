/**
 * Migrations core: revisions, their graph, and the migrator that applies them to a
 * database. Depends on JDBC and SLF4J only.
 * <p>
 * The API: {@link dev.migrations.core.MigrationsConfiguration} (built and validated once)
 * creates a {@link dev.migrations.core.Migrator}, which upgrades, downgrades, stamps,
 * repairs, reports {@link dev.migrations.core.MigrationStatus status} and history, and
 * renders offline SQL. {@link dev.migrations.core.MigrationListener} observes runs. Every
 * error is a {@link dev.migrations.core.MigrationsException} whose subtypes carry their
 * data. The sub-packages {@code dialect}, {@code state}, {@code lock}, {@code execution}
 * and {@code offline} are internal.
 */
@NullMarked
package dev.migrations.core;

import org.jspecify.annotations.NullMarked;
