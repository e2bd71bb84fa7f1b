package dev.migrations.test.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server on which test databases are created and dropped, reached through a
 * maintenance database with rights to create and drop databases.
 * <p>
 * {@link #locate(Map)} finds one in this order: the {@value #URL_VARIABLE} environment
 * variable (a JDBC URL of a maintenance database, credentials as URL parameters); the
 * local server at 127.0.0.1:5432 (user {@code postgres}); a Testcontainers PostgreSQL
 * where Testcontainers is on the class path and a Docker engine is available. When none
 * is reachable the outcome holds a message saying how to provide one.
 */
public final class PostgresServer {

	/** The environment variable naming the server's maintenance database. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";

	/** The local server tried when {@value #URL_VARIABLE} is not set. */
	public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final String LOCAL_USER = "postgres";

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(?:\\?(.*))?$");

	private final ServerUrl server;

	private final String maintenanceDatabase;

	private final String user;

	private final @Nullable String password;

	private PostgresServer(String maintenanceUrl, @Nullable String defaultUser, @Nullable String defaultPassword) {
		Matcher matcher = JDBC_URL.matcher(maintenanceUrl);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + maintenanceUrl
					+ "'; expected jdbc:postgresql://host:port/database?user=...&password=...");
		}
		this.server = ServerUrl.of(matcher.group(1), matcher.group(3));
		this.maintenanceDatabase = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
		String urlUser = this.server.user();
		String urlPassword = this.server.password();
		this.user = (urlUser != null) ? urlUser : (defaultUser != null) ? defaultUser : LOCAL_USER;
		this.password = (urlPassword != null) ? urlPassword : defaultPassword;
	}

	/**
	 * Finds a server: {@value #URL_VARIABLE}, then the local server, then Testcontainers.
	 * Never throws: a failure is kept so that every test class reports it. Keep the
	 * outcome for the whole test run (a JUnit root store) and close it at its end.
	 * @param environment the environment variables, usually {@code System.getenv()}
	 */
	public static Located locate(Map<String, String> environment) {
		List<String> tried = new ArrayList<>();
		String configured = environment.get(URL_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			// An explicit choice is never silently replaced by another server.
			try {
				return Located.found(connectable(new PostgresServer(configured.trim(), null, null)), null);
			}
			catch (RuntimeException | SQLException ex) {
				return Located.failed(URL_VARIABLE + " is set but its server cannot be used: " + ex.getMessage());
			}
		}
		tried.add(URL_VARIABLE + " is not set");
		try {
			return Located.found(connectable(new PostgresServer(LOCAL_URL, LOCAL_USER, null)), null);
		}
		catch (SQLException ex) {
			tried.add("no server at 127.0.0.1:5432 accepted user '" + LOCAL_USER + "' (" + ex.getMessage() + ")");
		}
		if (Containers.isAvailable()) {
			Containers.Started container = Containers.startPostgres();
			try {
				return Located.found(
						connectable(new PostgresServer(container.jdbcUrl(), container.user(), container.password())),
						container);
			}
			catch (SQLException ex) {
				container.close();
				tried.add("Testcontainers PostgreSQL started but refused connections (" + ex.getMessage() + ")");
			}
		}
		else {
			tried.add("no Testcontainers with a Docker engine");
		}
		return Located.failed("No PostgreSQL server for the tests: " + String.join("; ", tried) + ". "
				+ "Start the local server (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), "
				+ "or set " + URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD "
				+ "(a user allowed to CREATE DATABASE), or add org.testcontainers:testcontainers-postgresql and start "
				+ "a Docker engine. Database tests are never skipped.");
	}

	private static PostgresServer connectable(PostgresServer server) throws SQLException {
		try (Connection connection = server.connectTo(server.maintenanceDatabase)) {
			connection.isValid(5);
		}
		return server;
	}

	/**
	 * Creates an empty database.
	 * @param name a valid unquoted identifier, e.g. from
	 * {@link ScratchDatabase#uniqueName}
	 */
	public ScratchDatabase createDatabase(String name) throws SQLException {
		execute("CREATE DATABASE " + name);
		return database(name);
	}

	/**
	 * Creates a database as a copy of another ({@code CREATE DATABASE ... TEMPLATE}),
	 * which must have no open session.
	 */
	public ScratchDatabase copyDatabase(String template, String name) throws SQLException {
		execute("CREATE DATABASE " + name + " TEMPLATE " + template);
		return database(name);
	}

	private ScratchDatabase database(String name) {
		return new ScratchDatabase(ScratchDatabase.Kind.POSTGRESQL, name, this.server.urlOf(name), this.user,
				this.password, new ScratchDatabase.DriverDataSource(this.server.urlOf(name), this.user, this.password));
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connectTo(this.maintenanceDatabase);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Drops a database, ending the sessions left open on it. */
	public void dropDatabase(String name) throws SQLException {
		try (Connection connection = connectTo(this.maintenanceDatabase);
				Statement statement = connection.createStatement()) {
			// FORCE ends sessions a test left open, so the drop never fails on them.
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	/**
	 * Opens a session on the maintenance database, for checks made from outside a test
	 * database.
	 */
	public Connection connectToMaintenanceDatabase() throws SQLException {
		return connectTo(this.maintenanceDatabase);
	}

	private Connection connectTo(String database) throws SQLException {
		return this.server.connect(database, this.user, this.password, "5");
	}

	/**
	 * The outcome of {@link #locate}, kept for the whole test run; closing it stops a
	 * container that was started.
	 */
	public static final class Located implements AutoCloseable {

		private final @Nullable PostgresServer server;

		private final @Nullable AutoCloseable container;

		private final @Nullable String failure;

		private Located(@Nullable PostgresServer server, @Nullable AutoCloseable container, @Nullable String failure) {
			this.server = server;
			this.container = container;
			this.failure = failure;
		}

		static Located found(PostgresServer server, @Nullable AutoCloseable container) {
			return new Located(server, container, null);
		}

		static Located failed(String failure) {
			return new Located(null, null, failure);
		}

		/**
		 * The server found.
		 * @throws IllegalStateException saying what was tried and how to provide a server
		 */
		public PostgresServer serverOrThrow() {
			if (this.server == null) {
				throw new IllegalStateException(this.failure);
			}
			return this.server;
		}

		@Override
		public void close() {
			if (this.container != null) {
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

}
