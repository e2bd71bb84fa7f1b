package dev.migrations.core;

import java.util.Optional;

/**
 * The databases Migrations supports. Online runs detect it from the connection; offline
 * SQL uses {@link MigrationsConfiguration#databaseType()}.
 */
public enum DatabaseType {

	POSTGRESQL("jdbc:postgresql:"), H2("jdbc:h2:"),

	/** MariaDB, through MariaDB Connector/J ({@code jdbc:mariadb:}). */
	MARIADB("jdbc:mariadb:"),

	/** MySQL, through MySQL Connector/J ({@code jdbc:mysql:}) or MariaDB Connector/J. */
	MYSQL("jdbc:mysql:");

	private final String urlPrefix;

	DatabaseType(String urlPrefix) {
		this.urlPrefix = urlPrefix;
	}

	/** The type a JDBC URL points at, if supported. */
	public static Optional<DatabaseType> fromJdbcUrl(String jdbcUrl) {
		for (DatabaseType type : values()) {
			if (jdbcUrl.regionMatches(true, 0, type.urlPrefix, 0, type.urlPrefix.length())) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
