package dev.migrations.core.internal.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.Autogenerate.ScratchDatabaseException;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.internal.concurrent.Threads;
import dev.migrations.core.internal.jdbc.DriverManagerDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two scratch databases of one autogenerate run: M, holding the model, and H, holding
 * the revisions upgraded to the head. On PostgreSQL they are created with
 * {@code CREATE DATABASE} on a server the user names (the application's own, or a
 * development database) and dropped on {@link #close()}, whatever happened before; on H2
 * they are in-memory databases that end with their last connection's {@code SHUTDOWN}.
 */
public final class ScratchDatabases implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScratchDatabases.class);

	private final Server server;

	private final String model;

	private final String heads;

	private volatile boolean modelCreated;

	private volatile boolean headsCreated;

	private ScratchDatabases(Server server, String prefix) {
		this.server = server;
		this.model = prefix + "_m";
		this.heads = prefix + "_h";
	}

	/**
	 * The two databases of a run on the server of {@code server}, not created yet.
	 * @throws Autogenerate.DatabaseNotSupportedException when the server is MariaDB or
	 * MySQL
	 * @throws ScratchDatabaseException when it is neither PostgreSQL nor H2
	 */
	public static ScratchDatabases on(DatabaseUrl server) {
		String prefix = "migrations_scratch_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		return new ScratchDatabases(Server.of(server), prefix);
	}

	/**
	 * Creates the two databases on the server of {@code server}, side by side.
	 * @throws ScratchDatabaseException when the server cannot be reached or refuses
	 * {@code CREATE DATABASE}
	 */
	public static ScratchDatabases create(DatabaseUrl server) {
		ScratchDatabases databases = on(server);
		try {
			both(databases::createModel, databases::createHeads);
			return databases;
		}
		catch (RuntimeException ex) {
			databases.close();
			throw ex;
		}
	}

	/**
	 * Creates M.
	 * @throws ScratchDatabaseException when the server cannot be reached or refuses
	 * {@code CREATE DATABASE}
	 */
	public void createModel() {
		this.server.create(this.model);
		this.modelCreated = true;
	}

	/**
	 * Creates H.
	 * @throws ScratchDatabaseException when the server cannot be reached or refuses
	 * {@code CREATE DATABASE}
	 */
	public void createHeads() {
		this.server.create(this.heads);
		this.headsCreated = true;
	}

	/** Drops M if it was created (a failure is logged). */
	public void dropModel() {
		if (this.modelCreated) {
			this.server.drop(this.model);
			this.modelCreated = false;
		}
	}

	/** Drops H if it was created (a failure is logged). */
	public void dropHeads() {
		if (this.headsCreated) {
			this.server.drop(this.heads);
			this.headsCreated = false;
		}
	}

	/** The database holding the model. */
	public DataSource model() {
		return this.server.dataSource(this.model);
	}

	/** The database holding the revisions upgraded to the head. */
	public DataSource heads() {
		return this.server.dataSource(this.heads);
	}

	/** The name of H, for messages. */
	public String headsName() {
		return this.heads;
	}

	/** The names of the two databases, for messages. */
	public String describe() {
		return this.model + " and " + this.heads + " on " + this.server.url.jdbcUrl();
	}

	/** Drops both databases that were created, side by side. */
	@Override
	public void close() {
		both(this::dropHeads, this::dropModel);
	}

	/**
	 * Runs {@code first} here and {@code second} on a thread of its own, and waits for
	 * both: the two databases are created, and dropped, side by side (each
	 * {@code CREATE DATABASE} and {@code DROP DATABASE} waits on the server's disk, not
	 * on this process). The first failure is thrown once both are done.
	 */
	private static void both(Runnable first, Runnable second) {
		RuntimeException[] failure = new RuntimeException[1];
		Thread thread = new Thread(() -> {
			try {
				second.run();
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
			}
		}, "migrations-scratch-databases");
		thread.setDaemon(true);
		thread.start();
		RuntimeException here = null;
		try {
			first.run();
		}
		catch (RuntimeException ex) {
			here = ex;
		}
		Threads.joinUninterruptibly(thread);
		RuntimeException thrown = (here != null) ? here : failure[0];
		if (thrown != null) {
			throw thrown;
		}
	}

	/** How databases are made and removed on one kind of server. */
	private abstract static class Server {

		final DatabaseUrl url;

		Server(DatabaseUrl url) {
			this.url = url;
		}

		static Server of(DatabaseUrl url) {
			String jdbcUrl = url.jdbcUrl();
			if (jdbcUrl.startsWith("jdbc:postgresql:")) {
				return new PostgresServer(url);
			}
			if (jdbcUrl.startsWith("jdbc:h2:")) {
				return new H2Server(url);
			}
			Optional<DatabaseType> type = DatabaseType.fromJdbcUrl(jdbcUrl);
			if (type.isPresent() && (type.get() == DatabaseType.MARIADB || type.get() == DatabaseType.MYSQL)) {
				throw new Autogenerate.DatabaseNotSupportedException(type.get(), "the scratch server " + jdbcUrl);
			}
			throw new ScratchDatabaseException(url.jdbcUrl(),
					"autogenerate makes scratch databases on PostgreSQL and H2 only", null);
		}

		abstract void create(String name);

		abstract DataSource dataSource(String name);

		abstract void drop(String name);

	}

	private static final class PostgresServer extends Server {

		PostgresServer(DatabaseUrl url) {
			super(url);
		}

		@Override
		void create(String name) {
			try (Connection connection = new DriverManagerDataSource(this.url.jdbcUrl(), this.url.user(),
					this.url.password())
				.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE \"" + name + "\"");
			}
			catch (SQLException ex) {
				String problem = "42501".equals(ex.getSQLState())
						? "its user may not CREATE DATABASE (" + ex.getMessage() + ")"
						: "it could not be used to CREATE DATABASE " + name + " (" + ex.getMessage() + ")";
				throw new ScratchDatabaseException(this.url.jdbcUrl(), problem, ex);
			}
		}

		@Override
		DataSource dataSource(String name) {
			return new DriverManagerDataSource(withDatabase(this.url.jdbcUrl(), name), this.url.user(),
					this.url.password());
		}

		@Override
		void drop(String name) {
			try (Connection connection = new DriverManagerDataSource(this.url.jdbcUrl(), this.url.user(),
					this.url.password())
				.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			}
			catch (SQLException ex) {
				logger.warn("Could not drop the scratch database {} on {}: {}", name, this.url.jdbcUrl(),
						ex.getMessage());
			}
		}

		/**
		 * The URL with its database replaced:
		 * {@code jdbc:postgresql://host:port/db?params}.
		 */
		static String withDatabase(String jdbcUrl, String database) {
			String prefix = "jdbc:postgresql:";
			String rest = jdbcUrl.substring(prefix.length());
			int query = rest.indexOf('?');
			String params = (query >= 0) ? rest.substring(query) : "";
			String path = (query >= 0) ? rest.substring(0, query) : rest;
			if (path.startsWith("//")) {
				int slash = path.indexOf('/', 2);
				String host = (slash >= 0) ? path.substring(0, slash) : path;
				return prefix + host + "/" + database + params;
			}
			return prefix + database + params;
		}

	}

	private static final class H2Server extends Server {

		private final String settings;

		H2Server(DatabaseUrl url) {
			super(url);
			this.settings = compatibilitySettings(url.jdbcUrl());
		}

		/**
		 * The settings of the application's URL that change how SQL is read
		 * ({@code MODE}, case folding, ...), without those naming files or servers.
		 */
		private static String compatibilitySettings(String jdbcUrl) {
			StringBuilder settings = new StringBuilder();
			String[] parts = jdbcUrl.split(";");
			for (int i = 1; i < parts.length; i++) {
				String key = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
				if (key.equals("MODE") || key.startsWith("DATABASE_TO_") || key.equals("CASE_INSENSITIVE_IDENTIFIERS")
						|| key.equals("NON_KEYWORDS") || key.equals("DEFAULT_NULL_ORDERING")) {
					settings.append(';').append(parts[i]);
				}
			}
			return settings.toString();
		}

		@Override
		void create(String name) {
			try (Connection connection = dataSource(name).getConnection()) {
				connection.isValid(1);
			}
			catch (SQLException ex) {
				throw new ScratchDatabaseException("jdbc:h2:mem:" + name, ex.getMessage(), ex);
			}
		}

		@Override
		DataSource dataSource(String name) {
			return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + this.settings,
					this.url.user(), this.url.password());
		}

		@Override
		void drop(String name) {
			try (Connection connection = dataSource(name).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				logger.warn("Could not shut the scratch database {} down: {}", name, ex.getMessage());
			}
		}

	}

}
