/**
 * The minimal service of the Spring Boot startup benchmark: one JPA entity mapping a
 * table the revisions create, its repository, a REST controller, Tomcat on a random port,
 * HikariCP to PostgreSQL, and Hibernate validating the schema. Started in a fresh JVM per
 * measurement by {@code dev.migrations.benchmarks.boot.BootComparison}.
 */
@NullMarked
package dev.migrations.benchmarks.boot.service;

import org.jspecify.annotations.NullMarked;
