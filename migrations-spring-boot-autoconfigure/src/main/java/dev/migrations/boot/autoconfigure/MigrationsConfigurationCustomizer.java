package dev.migrations.boot.autoconfigure;

import dev.migrations.core.MigrationsConfiguration;

/**
 * Callback to change the core configuration of the auto-configured
 * {@link dev.migrations.core.Migrator} after the {@code migrations.*} properties are
 * applied and before it is built. Beans of this type are applied in their order.
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

	/**
	 * Customizes the configuration being built.
	 * @param builder the builder holding the properties' settings
	 */
	void customize(MigrationsConfiguration.Builder builder);

}
