package dev.migrations.boot;

import java.util.Set;

import dev.migrations.core.Migrator;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link Migrator} beans: beans that use the
 * database (JPA, {@code JdbcTemplate}, {@code JdbcClient}, jOOQ) are created after them.
 * A service that defines its own {@code Migrator} bean and upgrades in its factory method
 * gets the same ordering as the auto-configured startup run.
 *
 * @see dev.migrations.boot.autoconfigure.MigrationsInitializerDatabaseInitializerDetector
 */
public final class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrator.class);
	}

}
