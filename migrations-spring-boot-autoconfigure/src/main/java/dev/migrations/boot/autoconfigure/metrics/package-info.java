/**
 * Auto-configuration of Migrations metrics and observations.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
