/**
 * JMH benchmarks of Migrations. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package dev.migrations.benchmarks;

import org.jspecify.annotations.NullMarked;
