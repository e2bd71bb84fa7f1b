package dev.migrations.benchmarks.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL (or MariaDB, for a {@code jdbc:mariadb:} URL) server the tools run
 * against: creates and drops the database of each run, and opens connection pools on
 * them.
 *
 * @param baseUrl a JDBC URL without a database name, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param user the user, allowed to create databases
 * @param password the password, empty for trust authentication
 */
record PostgresServer(String baseUrl, String user, String password) {

	/** Connections in each pool: a Migrations run takes two (work and lock). */
	static final int POOL_SIZE = 3;

	/** Whether the server is MariaDB (or MySQL through MariaDB Connector/J). */
	boolean mariaDb() {
		return this.baseUrl.startsWith("jdbc:mariadb:");
	}

	/** A connection to the {@code postgres} maintenance database (MariaDB: to none). */
	Connection connectAdmin() throws SQLException {
		return connect(mariaDb() ? "" : "postgres");
	}

	/** A plain connection to a database. */
	Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(this.baseUrl + database, properties);
	}

	/** Creates an empty database. */
	void create(String database) throws SQLException {
		execute("CREATE DATABASE " + database);
	}

	/** Creates a database as a copy of {@code template}, which must have no sessions. */
	void copy(String template, String database) throws SQLException {
		if (!mariaDb()) {
			execute("CREATE DATABASE " + database + " TEMPLATE " + template);
			return;
		}
		// No templates on MariaDB: copy each table, definition and rows.
		try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement.executeQuery(
					"SELECT table_name FROM information_schema.tables WHERE table_schema = '" + template + "'")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			for (String table : tables) {
				statement
					.execute("CREATE TABLE " + database + ".`" + table + "` LIKE " + template + ".`" + table + "`");
				statement.execute(
						"INSERT INTO " + database + ".`" + table + "` SELECT * FROM " + template + ".`" + table + "`");
			}
		}
	}

	/** Drops a database if it exists, ending its sessions. */
	void drop(String database) throws SQLException {
		execute("DROP DATABASE IF EXISTS " + database + (mariaDb() ? "" : " WITH (FORCE)"));
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * A HikariCP pool on a database (as a Spring Boot application has), with all its
	 * connections open before it is returned, so that no tool pays for connecting.
	 */
	HikariDataSource pool(String database) throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.baseUrl + database);
		config.setUsername(this.user);
		config.setPassword(this.password);
		if (mariaDb()) {
			// The floor sends each script's statements in one call, as on PostgreSQL.
			config.addDataSourceProperty("allowMultiQueries", "true");
		}
		config.setMaximumPoolSize(POOL_SIZE);
		config.setMinimumIdle(POOL_SIZE);
		config.setPoolName("bench-" + database);
		HikariDataSource pool = new HikariDataSource(config);
		List<Connection> open = new ArrayList<>(POOL_SIZE);
		try {
			for (int i = 0; i < POOL_SIZE; i++) {
				open.add(pool.getConnection());
			}
		}
		finally {
			for (Connection connection : open) {
				connection.close();
			}
		}
		return pool;
	}

	/** The server's version, e.g. {@code 15.20}, {@code 10.11.19-MariaDB-0+deb12u1}. */
	String version() throws SQLException {
		try (Connection connection = connectAdmin()) {
			return Jdbc.text(connection, mariaDb() ? "SELECT VERSION()" : "SHOW server_version");
		}
	}

	/** The server's product, {@code PostgreSQL} or {@code MariaDB}. */
	String product() {
		return mariaDb() ? "MariaDB" : "PostgreSQL";
	}

}
