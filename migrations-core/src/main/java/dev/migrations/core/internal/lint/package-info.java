/**
 * The revision linter: recognises the statement forms it knows at token level (and stays
 * silent on the rest), knows the lock each takes on PostgreSQL, and reports the changes
 * that block a busy database's traffic or break the previous release.
 */
@NullMarked
package dev.migrations.core.internal.lint;

import org.jspecify.annotations.NullMarked;
