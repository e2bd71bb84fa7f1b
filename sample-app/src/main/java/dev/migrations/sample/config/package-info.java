/**
 * Configuration of the sample: preference defaults and {@code DATABASE_URL} support.
 */
package dev.migrations.sample.config;
