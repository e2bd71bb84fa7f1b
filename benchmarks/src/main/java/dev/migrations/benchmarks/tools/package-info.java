/**
 * Migrations against Flyway, Liquibase and a plain-JDBC floor on the same generated
 * revisions and the same PostgreSQL server. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.migrations.benchmarks.tools.ToolComparison}.
 */
@NullMarked
package dev.migrations.benchmarks.tools;

import org.jspecify.annotations.NullMarked;
