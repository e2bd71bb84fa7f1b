/**
 * Thread plumbing shared by the parts of the core that work on a second thread. Internal:
 * not an API of Migrations.
 */
@NullMarked
package dev.migrations.core.internal.concurrent;

import org.jspecify.annotations.NullMarked;
