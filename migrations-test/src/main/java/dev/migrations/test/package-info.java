/**
 * The test kit for revisions, what pytest-alembic gives Alembic users:
 * {@link dev.migrations.test.MigrationsTest} on a test class that implements
 * {@link dev.migrations.test.StandardRevisionTests} checks that the revisions have one
 * head, upgrade from base, go up, down and up again one by one leaving no trace, and give
 * the schema of the JPA model; a {@link dev.migrations.test.RevisionRunner} parameter
 * tests data migrations.
 */
@NullMarked
package dev.migrations.test;

import org.jspecify.annotations.NullMarked;
