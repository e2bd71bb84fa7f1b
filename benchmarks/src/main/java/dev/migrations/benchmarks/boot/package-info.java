/**
 * The Spring Boot startup cost: the same minimal service started in fresh JVMs with
 * Migrations' starter, Flyway's and Liquibase's auto-configuration, and none, on
 * databases already up to date. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.migrations.benchmarks.boot.BootComparison}.
 */
@NullMarked
package dev.migrations.benchmarks.boot;

import org.jspecify.annotations.NullMarked;
