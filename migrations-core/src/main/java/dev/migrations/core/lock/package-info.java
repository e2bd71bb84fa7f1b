/**
 * The migration lock that keeps runs of concurrent instances apart. Internal: not an API
 * of Migrations.
 */
@NullMarked
package dev.migrations.core.lock;

import org.jspecify.annotations.NullMarked;
