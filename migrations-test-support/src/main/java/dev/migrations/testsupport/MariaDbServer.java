package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.mariadb.jdbc.MariaDbDataSource;

import dev.migrations.test.database.ScratchDatabase;
import dev.migrations.test.database.ServerUrl;

/**
 * A MariaDB (or MySQL) server on which test databases are created, reached with a user
 * allowed to create and drop databases.
 */
final class MariaDbServer {

	static final String URL_VARIABLE = "MIGRATIONS_TEST_MARIADB_URL";

	static final String LOCAL_URL = "jdbc:mariadb://127.0.0.1:3306/";

	private static final String LOCAL_USER = "root";

	private static final Pattern JDBC_URL = Pattern.compile("^jdbc:(?:mariadb|mysql)://([^/?]+)/?([^?]*)(?:\\?(.*))?$");

	private final ServerUrl server;

	private final String user;

	private final @Nullable String password;

	private MariaDbServer(String url, @Nullable String defaultUser) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"Not a MariaDB JDBC URL: '" + url + "'; expected jdbc:mariadb://host:port/?user=...&password=...");
		}
		this.server = ServerUrl.of("jdbc:mariadb://" + matcher.group(1) + "/", matcher.group(3));
		String urlUser = this.server.user();
		this.password = this.server.password();
		this.user = (urlUser != null) ? urlUser : (defaultUser != null) ? defaultUser : LOCAL_USER;
	}

	/**
	 * Finds a server: {@value #URL_VARIABLE}, else the local server. Never throws: a
	 * failure is kept so that every test class reports it.
	 */
	static Located locate(Map<String, String> environment) {
		String configured = environment.get(URL_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			try {
				return Located.found(connectable(new MariaDbServer(configured.trim(), null)));
			}
			catch (RuntimeException | SQLException ex) {
				return Located.failed(URL_VARIABLE + " is set but its server cannot be used: " + ex.getMessage());
			}
		}
		try {
			return Located.found(connectable(new MariaDbServer(LOCAL_URL, LOCAL_USER)));
		}
		catch (SQLException ex) {
			return Located.failed("No MariaDB server for the tests: " + URL_VARIABLE
					+ " is not set and no server at 127.0.0.1:3306 accepted user '" + LOCAL_USER + "' ("
					+ ex.getMessage() + "). Start the local server (start-stop-daemon --start --oknodo --background "
					+ "--exec /usr/sbin/mariadbd, then wait for mariadb-admin ping), or set " + URL_VARIABLE
					+ "=jdbc:mariadb://HOST:PORT/?user=USER&password=PASSWORD (a user allowed to CREATE DATABASE). "
					+ "Database tests are never skipped.");
		}
	}

	private static MariaDbServer connectable(MariaDbServer server) throws SQLException {
		try (Connection connection = server.connectTo("")) {
			connection.isValid(5);
		}
		return server;
	}

	TestDatabase createDatabase(String name) throws SQLException {
		try (Connection connection = connectTo(""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
		}
		MariaDbDataSource dataSource = new MariaDbDataSource();
		dataSource.setUrl(this.server.urlOf(name));
		dataSource.setUser(this.user);
		if (this.password != null) {
			dataSource.setPassword(this.password);
		}
		return TestDatabase.of(new ScratchDatabase(ScratchDatabase.Kind.MARIADB, name, this.server.urlOf(name),
				this.user, this.password, dataSource));
	}

	void dropDatabase(String name) throws SQLException {
		try (Connection connection = connectTo(""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

	private Connection connectTo(String database) throws SQLException {
		return this.server.connect(database, this.user, this.password, "5000");
	}

	/** The outcome of {@link #locate}, kept for the whole test run. */
	static final class Located {

		private final @Nullable MariaDbServer server;

		private final @Nullable String failure;

		private Located(@Nullable MariaDbServer server, @Nullable String failure) {
			this.server = server;
			this.failure = failure;
		}

		static Located found(MariaDbServer server) {
			return new Located(server, null);
		}

		static Located failed(String failure) {
			return new Located(null, failure);
		}

		MariaDbServer serverOrThrow() {
			if (this.server == null) {
				throw new IllegalStateException(this.failure);
			}
			return this.server;
		}

	}

}
