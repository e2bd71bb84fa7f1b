/**
 * The fleet of a service: its targets run at startup, and their state read again on an
 * interval for the health component, the metric and the endpoint.
 */
@NullMarked
package dev.migrations.boot.fleet;

import org.jspecify.annotations.NullMarked;
