/**
 * Benchmark of the revision linter.
 */
@NullMarked
package dev.migrations.benchmarks.lint;

import org.jspecify.annotations.NullMarked;
