/**
 * Health indicator of Migrations.
 */
@NullMarked
package dev.migrations.boot.health;

import org.jspecify.annotations.NullMarked;
