/**
 * Auto-configuration of the autogenerate run.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.autogenerate;

import org.jspecify.annotations.NullMarked;
