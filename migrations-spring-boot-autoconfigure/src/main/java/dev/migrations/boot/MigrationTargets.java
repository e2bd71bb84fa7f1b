package dev.migrations.boot;

import java.util.List;

import dev.migrations.core.Fleet;

/**
 * The targets of the fleet of a service (tenant schemas or databases): a bean of this
 * type replaces {@code migrations.fleet.schemas} and
 * {@code migrations.fleet.schemas-query}. Asked again at each refresh of the fleet's
 * health, so tenants added later are found.
 */
@FunctionalInterface
public interface MigrationTargets {

	/** The targets now, each with a unique id. */
	List<Fleet.Target> targets();

}
