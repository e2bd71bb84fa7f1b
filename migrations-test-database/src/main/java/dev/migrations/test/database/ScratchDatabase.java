package dev.migrations.test.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A database made for tests and thrown away after them: a PostgreSQL database created on
 * a {@link PostgresServer}, or an in-memory H2 database.
 *
 * @param kind which engine it is
 * @param name its name, unique to the tests that made it
 * @param jdbcUrl its JDBC URL, without credentials
 * @param user the user connecting
 * @param password the user's password, {@code null} for none
 * @param dataSource a non-pooling data source: each {@code getConnection()} opens a new
 * session
 */
public record ScratchDatabase(Kind kind, String name, String jdbcUrl, String user, @Nullable String password,
		DataSource dataSource) {

	private static final int MAX_NAME_LENGTH = 63;

	/** Creates an in-memory H2 database kept until {@link #dropH2()} shuts it down. */
	public static ScratchDatabase h2(String name) throws SQLException {
		String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		ScratchDatabase database = new ScratchDatabase(Kind.H2, name, url, "sa", "",
				new DriverDataSource(url, "sa", ""));
		// Opening the first connection creates the database.
		database.connect().close();
		return database;
	}

	/**
	 * A lower-case name that is a valid unquoted identifier in PostgreSQL and H2: a
	 * prefix, the given base (e.g. a test class's simple name) and a random suffix.
	 */
	public static String uniqueName(String base) {
		String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String name = "mt_" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		return name.substring(0, Math.min(name.length(), MAX_NAME_LENGTH - suffix.length())) + suffix;
	}

	/** Opens a new session. */
	public Connection connect() throws SQLException {
		return this.dataSource.getConnection();
	}

	/** Shuts an H2 database down, so that nothing of it remains. */
	public void dropH2() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	@Override
	public String toString() {
		return this.kind + " database " + this.name + " at " + this.jdbcUrl;
	}

	/** The engines a scratch database can be made on. */
	public enum Kind {

		POSTGRESQL, MARIADB, H2

	}

	/** Opens each connection through {@link DriverManager}, without a pool. */
	static final class DriverDataSource implements DataSource {

		private final String url;

		private final String user;

		private final @Nullable String password;

		DriverDataSource(String url, String user, @Nullable String password) {
			this.url = url;
			this.user = user;
			this.password = password;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return getConnection(this.user, this.password);
		}

		@Override
		public Connection getConnection(@Nullable String username, @Nullable String password) throws SQLException {
			Properties properties = new Properties();
			if (username != null) {
				properties.setProperty("user", username);
			}
			if (password != null) {
				properties.setProperty("password", password);
			}
			return DriverManager.getConnection(this.url, properties);
		}

		@Override
		public @Nullable PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(@Nullable PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			if (iface.isInstance(this)) {
				return iface.cast(this);
			}
			throw new SQLException("Not a wrapper of " + iface.getName());
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return iface.isInstance(this);
		}

		@Override
		public String toString() {
			return "DriverManager data source of " + this.url;
		}

	}

}
