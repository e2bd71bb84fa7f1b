package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Details of the dedicated connection Migrations changes the schema through, instead of
 * the application's {@link javax.sql.DataSource}. The auto-configuration exposes
 * {@code migrations.url}, {@code migrations.user} and {@code migrations.password} as one;
 * a bean of the application's, or one a Testcontainers {@code @ServiceConnection} JDBC
 * container registers, replaces it. A {@link MigrationsDataSource @MigrationsDataSource}
 * bean wins over both.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database to migrate, or {@code null} for the application's
	 * DataSource (with {@link #getUsername()}, if any).
	 * @return the JDBC URL or {@code null}
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Login user of the database to migrate, or {@code null} for the JDBC URL's or the
	 * application DataSource's.
	 * @return the user or {@code null}
	 */
	@Nullable String getUsername();

	/**
	 * Login password of the database to migrate, or {@code null} for none.
	 * @return the password or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * Class name of the JDBC driver: by default the one {@link DatabaseDriver} knows for
	 * the JDBC URL, {@code null} without a URL.
	 * @return the driver class name or {@code null}
	 */
	default @Nullable String getDriverClassName() {
		String url = getJdbcUrl();
		return (url != null) ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
