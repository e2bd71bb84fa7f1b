/**
 * The autogenerate run of an application: the environment that makes Hibernate write the
 * model's create script instead of touching the database, and the runner that turns the
 * script into a revision.
 */
@NullMarked
package dev.migrations.boot.autogenerate;

import org.jspecify.annotations.NullMarked;
