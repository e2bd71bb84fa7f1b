/**
 * Databases for tests, made and thrown away per test class or test: a
 * {@link dev.migrations.test.database.PostgresServer} found from
 * {@code MIGRATIONS_TEST_POSTGRES_URL}, the local server or Testcontainers, and
 * {@link dev.migrations.test.database.ScratchDatabase}s on it or in H2. Used by the test
 * kit ({@code dev.migrations.test}) and by the project's own tests.
 */
@NullMarked
package dev.migrations.test.database;

import org.jspecify.annotations.NullMarked;
