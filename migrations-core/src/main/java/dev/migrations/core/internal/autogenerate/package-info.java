/**
 * Autogenerate: the model script loaded into one scratch database, the revisions upgraded
 * in another, their catalogs compared and the difference written as a revision (upgrade
 * and downgrade), checked by a round trip before it is handed back.
 */
@NullMarked
package dev.migrations.core.internal.autogenerate;

import org.jspecify.annotations.NullMarked;
