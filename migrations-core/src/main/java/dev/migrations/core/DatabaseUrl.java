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
 * {@code postgresql://user:password@host:port/database?sslmode=require} or
 * {@code mysql://user:password@host:port/database}, converted to JDBC. MariaDB and MySQL
 * URLs become {@code jdbc:mariadb:} URLs: MariaDB Connector/J talks to both servers.
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
	 * Converts {@code url}. Accepts the schemes {@code postgresql}, {@code postgres},
	 * {@code mysql} and {@code mariadb}, and driver suffixes such as
	 * {@code postgresql+psycopg2} and {@code mysql+pymysql} (as in SQLAlchemy URLs). The
	 * query is kept, but for a MariaDB or MySQL URL its {@code charset} (the driver
	 * always speaks UTF-8, {@code utf8mb4}).
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
		boolean mysql = scheme != null && isMySql(scheme);
		if (scheme == null || (!isPostgres(scheme) && !mysql)) {
			throw malformed(url, "the scheme must be postgresql://, postgres://, mysql:// or mariadb://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw malformed(url, "it names no host");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		String database = path.startsWith("/") ? path.substring(1) : path;
		if (database.isEmpty() || database.contains("/")) {
			throw malformed(url, "it must name one database, as in "
					+ (mysql ? "mysql://host:3306/mydb" : "postgresql://host:5432/mydb"));
		}
		StringBuilder jdbc = new StringBuilder(mysql ? "jdbc:mariadb://" : "jdbc:postgresql://").append(hostOf(uri));
		if (uri.getPort() != -1) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append('/').append(database);
		String query = (uri.getRawQuery() != null && mysql) ? withoutCharset(uri.getRawQuery()) : uri.getRawQuery();
		if (query != null && !query.isEmpty()) {
			jdbc.append('?').append(query);
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

	private static boolean isMySql(String scheme) {
		String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
		return base.equals("mysql") || base.equals("mariadb");
	}

	private static String withoutCharset(String query) {
		StringBuilder kept = new StringBuilder();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty() && !pair.startsWith("charset=")) {
				kept.append((kept.length() > 0) ? "&" : "").append(pair);
			}
		}
		return kept.toString();
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
				+ ". Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=... or "
				+ "mysql://USER:PASSWORD@HOST:PORT/DATABASE");
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
