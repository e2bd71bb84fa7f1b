/**
 * JUnit extensions that give each test class a fresh, isolated database:
 * {@link PostgresDatabase} and {@link H2Database}. Shared by the tests of every module.
 */
@NullMarked
package dev.migrations.testsupport;

import org.jspecify.annotations.NullMarked;
