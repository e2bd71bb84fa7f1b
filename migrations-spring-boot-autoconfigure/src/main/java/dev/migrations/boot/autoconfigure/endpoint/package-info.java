/**
 * Auto-configuration of the Migrations Actuator endpoint.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
