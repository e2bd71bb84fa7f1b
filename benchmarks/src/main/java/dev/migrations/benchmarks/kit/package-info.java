/**
 * The test kit's stairway measured against the naive up/down/up replay.
 */
@NullMarked
package dev.migrations.benchmarks.kit;

import org.jspecify.annotations.NullMarked;
