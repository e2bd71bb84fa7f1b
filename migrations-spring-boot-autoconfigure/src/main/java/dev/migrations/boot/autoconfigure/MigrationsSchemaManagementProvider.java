package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells JPA that a DataSource's schema is managed by Migrations, so that Hibernate does
 * not default to {@code create-drop} on an embedded database whose schema the revisions
 * create.
 */
class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	MigrationsSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this.migrators = migrators;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrators.stream()
			.map(Migrator::configuration)
			.anyMatch((configuration) -> manages(configuration, dataSource)) ? SchemaManagement.MANAGED
					: SchemaManagement.UNMANAGED;
	}

	private static boolean manages(MigrationsConfiguration configuration, DataSource dataSource) {
		return dataSource.equals(configuration.dataSource()) || dataSource.equals(configuration.migrationDataSource());
	}

}
