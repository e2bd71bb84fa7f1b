/**
 * Fleets: the loop a fleet command replaces, measured by hand (see docs/fleets.md).
 */
@NullMarked
package dev.migrations.benchmarks.fleet;

import org.jspecify.annotations.NullMarked;
