package dev.migrations.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import dev.migrations.core.internal.jdbc.DriverManagerDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DATABASE_URL} in the form Python and Heroku-style tools use,
 * {@code postgresql://user:password@host:port/database?sslmode=require}, converted to
 * JDBC.
 * <p>
 * Error messages never contain the password: a malformed URL is echoed with its user
 * information masked.
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user the user, or {@code null} when the URL names none
 * @param password the password, or {@code null} when the URL gives none
 */
public record DatabaseUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {

	/**
	 * A data source opening a new connection to this URL through
	 * {@link java.sql.DriverManager} each time, without a pool: enough for a command line
	 * run, a scratch database or a test (a run uses two connections, one for the lock).
	 */
	public DataSource dataSource() {
		return new DriverManagerDataSource(this.jdbcUrl, this.user, this.password);
	}

	/**
	 * Converts {@code url}. Accepts the schemes {@code postgresql}, {@code postgres} and
	 * {@code postgresql+psycopg2}-style driver suffixes (as in SQLAlchemy URLs).
	 * @throws IllegalArgumentException if it is not such a URL
	 */
	public static DatabaseUrl parse(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw malformed(url, "it is not a valid URL");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !isPostgres(scheme)) {
			throw malformed(url, "the scheme must be postgresql:// or postgres://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw malformed(url, "it names no host");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		String database = path.startsWith("/") ? path.substring(1) : path;
		if (database.isEmpty() || database.contains("/")) {
			throw malformed(url, "it must name one database, as in postgresql://host:5432/mydb");
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostOf(uri));
		if (uri.getPort() != -1) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append('/').append(database);
		if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		String user = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		return new DatabaseUrl(jdbc.toString(), (user == null || user.isEmpty()) ? null : user, password);
	}

	private static boolean isPostgres(String scheme) {
		String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
		return base.equals("postgresql") || base.equals("postgres");
	}

	private static String hostOf(URI uri) {
		String host = uri.getHost();
		return (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static IllegalArgumentException malformed(String url, String reason) {
		return new IllegalArgumentException("DATABASE_URL '" + masked(url) + "' cannot be used: " + reason
				+ ". Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...");
	}

	/** {@code url} with everything between {@code ://} and the last {@code @} masked. */
	static String masked(String url) {
		int start = url.indexOf("://");
		int at = url.lastIndexOf('@');
		if (start < 0 || at < start) {
			return url;
		}
		return url.substring(0, start + 3) + "***" + url.substring(at);
	}

}
