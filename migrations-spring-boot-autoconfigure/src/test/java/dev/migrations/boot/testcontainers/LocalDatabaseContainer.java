package dev.migrations.boot.testcontainers;

import java.sql.SQLException;

import dev.migrations.test.database.PostgresServer;
import dev.migrations.test.database.ScratchDatabase;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@link JdbcDatabaseContainer} that is never started: it answers with a database on
 * the local PostgreSQL server, so that the {@code @ServiceConnection} machinery runs for
 * real without a Docker engine. It says it is running, so that Spring Boot does not start
 * it, and {@link #start()} fails, so that a test notices if something tries.
 */
final class LocalDatabaseContainer extends JdbcDatabaseContainer<LocalDatabaseContainer> {

	static final String IMAGE = "postgres:17-alpine";

	private final ScratchDatabase database;

	LocalDatabaseContainer(ScratchDatabase database) {
		super(DockerImageName.parse(IMAGE));
		this.database = database;
	}

	/** A container standing for a fresh database on the server. */
	static LocalDatabaseContainer on(PostgresServer server, String name) {
		try {
			return new LocalDatabaseContainer(server.createDatabase(ScratchDatabase.uniqueName(name)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the container's database", ex);
		}
	}

	@Override
	public String getDockerImageName() {
		return IMAGE;
	}

	@Override
	public boolean isRunning() {
		return true;
	}

	@Override
	public void start() {
		throw new IllegalStateException("LocalDatabaseContainer is never started: it stands for " + this.database);
	}

	@Override
	public void stop() {
	}

	@Override
	public String getJdbcUrl() {
		return this.database.jdbcUrl();
	}

	@Override
	public String getUsername() {
		return this.database.user();
	}

	@Override
	public String getPassword() {
		return (this.database.password() != null) ? this.database.password() : "";
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

	@Override
	protected String getTestQueryString() {
		return "SELECT 1";
	}

	ScratchDatabase database() {
		return this.database;
	}

}
