/**
 * Testcontainers support: a {@code @ServiceConnection} JDBC container gives Migrations
 * its connection too.
 */
@NullMarked
package dev.migrations.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
