package dev.migrations.test.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * The JDBC URL of a database server, taken apart so that the URL of any database on it
 * can be made: the part before the database name, and the URL's parameters with the
 * credentials ({@code user}, {@code password}) taken out.
 */
public final class ServerUrl {

	private final String prefix;

	private final Map<String, String> parameters;

	private final @Nullable String user;

	private final @Nullable String password;

	private ServerUrl(String prefix, Map<String, String> parameters) {
		this.prefix = prefix;
		this.user = parameters.remove("user");
		this.password = parameters.remove("password");
		this.parameters = parameters;
	}

	/**
	 * A server's URL from its parts.
	 * @param prefix what comes before the database name, e.g.
	 * {@code jdbc:postgresql://host:5432/}
	 * @param query the URL's parameters ({@code a=1&b=2}), {@code null} for none
	 */
	public static ServerUrl of(String prefix, @Nullable String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
		}
		return new ServerUrl(prefix, parameters);
	}

	/** The user the URL names, if any. */
	public @Nullable String user() {
		return this.user;
	}

	/** The password the URL names, if any. */
	public @Nullable String password() {
		return this.password;
	}

	/** The URL of {@code database} on this server, without credentials. */
	public String urlOf(String database) {
		StringBuilder url = new StringBuilder(this.prefix).append(database);
		String separator = "?";
		for (Map.Entry<String, String> parameter : this.parameters.entrySet()) {
			url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
			separator = "&";
		}
		return url.toString();
	}

	/**
	 * Opens a session on {@code database}.
	 * @param connectTimeout the driver's {@code connectTimeout} property, in the driver's
	 * unit
	 */
	public Connection connect(String database, String user, @Nullable String password, String connectTimeout)
			throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", connectTimeout);
		return DriverManager.getConnection(urlOf(database), properties);
	}

}
