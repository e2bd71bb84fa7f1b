/**
 * Spring Boot integration of Migrations: what is shared by the auto-configuration, the
 * Actuator endpoint, health and metrics.
 */
@NullMarked
package dev.migrations.boot;

import org.jspecify.annotations.NullMarked;
