package dev.migrations.cli;

import java.util.Map;

import dev.migrations.core.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * Where the command line connects: from its options first, then the
 * {@code MIGRATIONS_URL}, {@code MIGRATIONS_USER} and {@code MIGRATIONS_PASSWORD}
 * variables, then {@code DATABASE_URL}.
 *
 * @param url the JDBC URL, or {@code null} when none is configured
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 */
public record ConnectionSettings(@Nullable String url, @Nullable String user, @Nullable String password) {

	static final String URL_VARIABLE = "MIGRATIONS_URL";

	static final String USER_VARIABLE = "MIGRATIONS_USER";

	static final String PASSWORD_VARIABLE = "MIGRATIONS_PASSWORD";

	static final String DATABASE_URL_VARIABLE = "DATABASE_URL";

	/**
	 * Resolves each setting on its own: an option wins over its variable, which wins over
	 * what {@code DATABASE_URL} says.
	 */
	public static ConnectionSettings resolve(@Nullable String urlOption, @Nullable String userOption,
			@Nullable String passwordOption, Map<String, String> environment) {
		DatabaseUrl databaseUrl = null;
		String rawDatabaseUrl = nonBlank(environment.get(DATABASE_URL_VARIABLE));
		String url = first(urlOption, environment.get(URL_VARIABLE));
		if (url == null && rawDatabaseUrl != null) {
			databaseUrl = DatabaseUrl.parse(rawDatabaseUrl);
			url = databaseUrl.jdbcUrl();
		}
		String user = first(userOption, environment.get(USER_VARIABLE));
		String password = first(passwordOption, environment.get(PASSWORD_VARIABLE));
		if (databaseUrl != null) {
			user = (user != null) ? user : databaseUrl.user();
			password = (password != null) ? password : databaseUrl.password();
		}
		return new ConnectionSettings(url, user, password);
	}

	/** The URL, or an error saying how to give one. */
	public String requireUrl() {
		if (this.url == null) {
			throw new IllegalStateException("No database to connect to: give --url, or set " + URL_VARIABLE + " or "
					+ DATABASE_URL_VARIABLE
					+ " (postgresql://USER:PASSWORD@HOST:PORT/DATABASE or mysql://USER:PASSWORD@HOST:PORT/DATABASE)");
		}
		return this.url;
	}

	@Override
	public String toString() {
		return "ConnectionSettings[url=" + this.url + ", user=" + this.user + ", password="
				+ ((this.password != null) ? "***" : null) + "]";
	}

	private static @Nullable String first(@Nullable String option, @Nullable String variable) {
		String value = nonBlank(option);
		return (value != null) ? value : nonBlank(variable);
	}

	private static @Nullable String nonBlank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
