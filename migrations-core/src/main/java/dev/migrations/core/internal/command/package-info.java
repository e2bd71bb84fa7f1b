/**
 * The operations of a {@code Migrator}, one class each ({@code DbRun}, {@code DbStamp},
 * {@code DbRepair}, {@code DbStatus}, {@code DbOfflineSql}), and the session that gives
 * them connections, the lock and a restored work connection ({@code DbSession}).
 * Internal: not an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.command;

import org.jspecify.annotations.NullMarked;
