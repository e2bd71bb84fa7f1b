/**
 * Java revisions of the sample, registered as Spring beans.
 */
package dev.migrations.sample.revisions;
