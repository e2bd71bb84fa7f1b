package dev.migrations.test.database;

/**
 * Testcontainers, where it is on the class path: kept apart so that
 * {@link PostgresServer} links without it.
 */
final class Containers {

	private static final String IMAGE = "postgres:17-alpine";

	private Containers() {
	}

	/** Whether Testcontainers is on the class path and finds a Docker engine. */
	static boolean isAvailable() {
		try {
			return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static Started startPostgres() {
		org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
				IMAGE);
		container.start();
		return new Started(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container);
	}

	/** A started container, stopped when closed. */
	record Started(String jdbcUrl, String user, String password, AutoCloseable container) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.container.close();
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				throw new IllegalStateException("Could not stop the PostgreSQL container", ex);
			}
		}

	}

}
