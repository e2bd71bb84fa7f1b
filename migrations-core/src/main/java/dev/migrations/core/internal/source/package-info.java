/**
 * Revision sources: SQL revision files and Java revisions found in locations, the SQL
 * statement splitter and checksums.
 */
@NullMarked
package dev.migrations.core.internal.source;

import org.jspecify.annotations.NullMarked;
