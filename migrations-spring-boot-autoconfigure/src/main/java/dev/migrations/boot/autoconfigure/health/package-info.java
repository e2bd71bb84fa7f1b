/**
 * Auto-configuration of the Migrations health indicator.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
