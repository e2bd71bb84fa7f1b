package dev.migrations.boot.autoconfigure;

import dev.migrations.core.Migrator;

/**
 * Replaces the startup upgrade ({@code migrations.on-startup=upgrade}): a bean of this
 * type is called instead of {@code migrator.upgrade(target)}, in the background when
 * {@code migrations.async=true}. An exception it throws is a failed startup run.
 */
@FunctionalInterface
public interface MigrationsStartupStrategy {

	/**
	 * Runs what the application does with its database on startup.
	 * @param migrator the auto-configured migrator
	 */
	void run(Migrator migrator);

}
