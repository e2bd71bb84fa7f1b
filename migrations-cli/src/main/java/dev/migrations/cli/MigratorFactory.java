package dev.migrations.cli;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import org.jspecify.annotations.Nullable;

/**
 * Creates the {@link Migrator} of a command from the global options: one that reads only
 * the code (revision files, offline SQL with an explicit start), or one connected to the
 * database.
 */
final class MigratorFactory {

	private final ConnectionSettings connection;

	private final List<String> locations;

	private final @Nullable String schema;

	private final @Nullable Duration ddlLockTimeout;

	private final @Nullable Duration ddlRetryBudget;

	MigratorFactory(ConnectionSettings connection, List<String> locations, @Nullable String schema,
			@Nullable Duration ddlLockTimeout, @Nullable Duration ddlRetryBudget) {
		this.connection = connection;
		this.locations = List.copyOf(locations);
		this.schema = schema;
		this.ddlLockTimeout = ddlLockTimeout;
		this.ddlRetryBudget = ddlRetryBudget;
	}

	/** Whether a database is configured (option, variable or {@code DATABASE_URL}). */
	boolean hasDatabase() {
		return this.connection.url() != null;
	}

	/**
	 * A migrator of the code only: no connection is ever opened. Offline SQL is written
	 * for the database the URL names, if one is given, else for PostgreSQL.
	 */
	Migrator offline(MigrationListener listener) {
		MigrationsConfiguration.Builder builder = builder(listener);
		if (this.connection.url() != null) {
			builder.databaseType(DatabaseType.fromJdbcUrl(this.connection.url()).orElse(null));
		}
		return Migrator.create(builder.build());
	}

	/**
	 * A migrator connected to the configured database.
	 * @throws IllegalStateException when no database is configured, saying how to give
	 * one
	 */
	Migrator online(MigrationListener listener) {
		String url = this.connection.requireUrl();
		DataSource dataSource = new DatabaseUrl(driverUrl(url), this.connection.user(), this.connection.password())
			.dataSource();
		return Migrator.create(builder(listener).dataSource(dataSource)
			.databaseType(DatabaseType.fromJdbcUrl(url).orElse(null))
			.build());
	}

	/**
	 * The URL given to the driver: a {@code jdbc:mysql:} URL goes to the bundled MariaDB
	 * Connector/J (which takes it only with {@code permitMysqlScheme}) unless MySQL
	 * Connector/J was added to the class path.
	 */
	static String driverUrl(String url) {
		if (!url.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length()) || url.contains("permitMysqlScheme")
				|| isPresent("com.mysql.cj.jdbc.Driver")) {
			return url;
		}
		return url + ((url.indexOf('?') >= 0) ? "&" : "?") + "permitMysqlScheme";
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, MigratorFactory.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * The migrator a fleet runs each target with: the revisions loaded once (offline SQL
	 * for {@code databaseType}, {@code null} for PostgreSQL), no data source (each target
	 * brings its own), no console log (the fleet logs per target).
	 */
	Migrator template(@Nullable DatabaseType databaseType) {
		return Migrator.create(MigrationsConfiguration.builder()
			.locations(this.locations)
			.schema(this.schema)
			.databaseType(databaseType)
			.build());
	}

	/** The configured locations, in order. */
	List<String> locations() {
		return this.locations;
	}

	private MigrationsConfiguration.Builder builder(MigrationListener listener) {
		MigrationsConfiguration.Builder builder = MigrationsConfiguration.builder()
			.locations(this.locations)
			.schema(this.schema)
			.listener(listener);
		if (this.ddlLockTimeout != null) {
			builder.ddlLockTimeout(this.ddlLockTimeout);
		}
		if (this.ddlRetryBudget != null) {
			builder.ddlRetryBudget(this.ddlRetryBudget);
		}
		return builder;
	}

}
