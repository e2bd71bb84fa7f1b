/**
 * Micrometer metrics and observations of Migrations.
 */
@NullMarked
package dev.migrations.boot.metrics;

import org.jspecify.annotations.NullMarked;
