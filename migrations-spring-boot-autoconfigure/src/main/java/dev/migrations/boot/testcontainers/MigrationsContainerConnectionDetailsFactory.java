package dev.migrations.boot.testcontainers;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.testcontainers.containers.JdbcDatabaseContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Creates {@link MigrationsConnectionDetails} from a {@code @ServiceConnection}
 * {@link JdbcDatabaseContainer}, so that Migrations changes the schema of the container's
 * database. Registered in {@code META-INF/spring.factories}.
 */
class MigrationsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrationsConnectionDetails> {

	@Override
	protected MigrationsConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
		return new ContainerMigrationsConnectionDetails(source);
	}

	/** The connection of a JDBC container, read once the container has started. */
	private static final class ContainerMigrationsConnectionDetails
			extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements MigrationsConnectionDetails {

		private ContainerMigrationsConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
