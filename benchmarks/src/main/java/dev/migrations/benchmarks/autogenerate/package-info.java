/**
 * Where autogenerate's time goes: Hibernate's bootstrap of 100 entities and the phases of
 * the comparison on PostgreSQL.
 */
@NullMarked
package dev.migrations.benchmarks.autogenerate;

import org.jspecify.annotations.NullMarked;
