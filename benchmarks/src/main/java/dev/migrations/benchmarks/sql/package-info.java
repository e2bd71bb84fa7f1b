/**
 * Benchmarks of SQL revision files: statement splitting and loading.
 */
@NullMarked
package dev.migrations.benchmarks.sql;

import org.jspecify.annotations.NullMarked;
