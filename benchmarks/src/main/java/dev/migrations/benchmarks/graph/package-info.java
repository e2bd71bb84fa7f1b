/**
 * Benchmarks of the revision graph: building, resolving heads, planning, drawing.
 */
@NullMarked
package dev.migrations.benchmarks.graph;

import org.jspecify.annotations.NullMarked;
