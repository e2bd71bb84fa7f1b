/**
 * Auto-configuration of a service's fleet of tenant schemas or databases
 * ({@code migrations.fleet.*}).
 */
@NullMarked
package dev.migrations.boot.autoconfigure.fleet;

import org.jspecify.annotations.NullMarked;
