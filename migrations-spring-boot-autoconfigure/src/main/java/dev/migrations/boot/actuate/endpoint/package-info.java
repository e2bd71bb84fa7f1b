/**
 * Actuator endpoint of Migrations.
 */
@NullMarked
package dev.migrations.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
