/**
 * Migrations core: revisions, their graph, and the migrator that applies them to a
 * database. Depends on JDBC and SLF4J only.
 */
@NullMarked
package dev.migrations.core;

import org.jspecify.annotations.NullMarked;
