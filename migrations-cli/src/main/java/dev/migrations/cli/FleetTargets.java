package dev.migrations.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.Fleet;
import org.jspecify.annotations.Nullable;

/**
 * The targets of a fleet command: lines of a JSON Lines file ({@code id}, and
 * {@code schema} on the global URL or a {@code url} of its own, with {@code user} and
 * {@code password}; secrets only as {@code ${ENV}}), or the rows of a query on the global
 * URL.
 */
final class FleetTargets {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

	private static final Set<String> MEMBERS = Set.of("id", "schema", "url", "user", "password");

	private FleetTargets() {
	}

	/**
	 * One target as given.
	 *
	 * @param id its id
	 * @param schema its schema, or {@code null}
	 * @param url its own JDBC URL (or {@code postgresql://} URL), or {@code null} for the
	 * global one
	 * @param user its user, or {@code null} for the global one
	 * @param password its password, or {@code null} for the global one
	 */
	record Entry(String id, @Nullable String schema, @Nullable String url, @Nullable String user,
			@Nullable String password) {

	}

	/** Reads {@code file} ({@code -} for {@code stdin}). */
	static List<Entry> fromFile(String file, Reader stdin, Map<String, String> environment) {
		String name = file.equals("-") ? "<standard input>" : file;
		try (BufferedReader reader = file.equals("-") ? new BufferedReader(stdin)
				: Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			List<Entry> entries = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Entry entry = entry(name, number, line, environment);
				if (!ids.add(entry.id())) {
					throw new UsageException(name + ":" + number + ": target id '" + entry.id()
							+ "' is given twice; each target needs an id of its own");
				}
				entries.add(entry);
			}
			return entries;
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("The targets file " + name + " does not exist");
		}
		catch (IOException ex) {
			throw new UsageException("The targets file " + name + " cannot be read: " + ex.getMessage());
		}
	}

	private static Entry entry(String file, int number, String line, Map<String, String> environment) {
		String where = file + ":" + number + ": ";
		Map<String, @Nullable Object> object;
		try {
			object = JsonLines.object(line);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(where + "not a JSON object (" + ex.getMessage()
					+ "); each line is one target, e.g. {\"id\": \"t_0001\", \"schema\": \"t_0001\"}");
		}
		for (String member : object.keySet()) {
			if (!MEMBERS.contains(member)) {
				throw new UsageException(where + "unknown member '" + member + "'; a target has id, schema, url, user "
						+ "and password");
			}
		}
		String id = text(object, "id", where);
		if (id == null || id.isBlank()) {
			throw new UsageException(where + "the target has no \"id\"; give each target a unique id");
		}
		String password = text(object, "password", where);
		if (password != null && !VARIABLE.matcher(password).matches()) {
			throw new UsageException(where + "the password of target '" + id
					+ "' is written out; give it as \"${VARIABLE}\" and set that environment variable");
		}
		String url = text(object, "url", where);
		if (url != null && url.toLowerCase(Locale.ROOT).matches(".*(password=|://[^/@]*:[^/@$]+@).*")
				&& !url.contains("${")) {
			throw new UsageException(where + "the url of target '" + id
					+ "' holds a password; give it as ${VARIABLE} (in the url or in \"password\")");
		}
		String schema = text(object, "schema", where);
		if (url == null && schema == null) {
			throw new UsageException(where + "target '" + id + "' has neither \"schema\" nor \"url\"; give the schema "
					+ "on --url, or the url of its database");
		}
		return new Entry(id, schema, expand(url, environment, where),
				expand(text(object, "user", where), environment, where), expand(password, environment, where));
	}

	private static @Nullable String text(Map<String, @Nullable Object> object, String member, String where) {
		Object value = object.get(member);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new UsageException(where + "\"" + member + "\" must be a string");
		}
		return text;
	}

	private static @Nullable String expand(@Nullable String value, Map<String, String> environment, String where) {
		if (value == null) {
			return null;
		}
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String variable = environment.get(matcher.group(1));
			if (variable == null) {
				throw new UsageException(where + "the environment variable " + matcher.group(1) + " is not set");
			}
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(variable));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	/**
	 * The rows of {@code sql} on {@code dataSource}: one column gives the id and the
	 * schema; otherwise the columns named {@code id}, {@code schema} and {@code url}.
	 */
	static List<Entry> fromQuery(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rows.getMetaData();
			int idColumn = 0;
			int schemaColumn = 0;
			int urlColumn = 0;
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				switch (meta.getColumnLabel(i).toLowerCase(Locale.ROOT)) {
					case "id" -> idColumn = i;
					case "schema" -> schemaColumn = i;
					case "url" -> urlColumn = i;
					default -> {
					}
				}
			}
			if (meta.getColumnCount() == 1) {
				idColumn = 1;
				schemaColumn = 1;
			}
			if (idColumn == 0 || (schemaColumn == 0 && urlColumn == 0)) {
				throw new UsageException("--targets-query must give one column (the id and schema of each target) or "
						+ "columns named id and schema or url");
			}
			List<Entry> entries = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			while (rows.next()) {
				String id = rows.getString(idColumn);
				if (id == null || !ids.add(id)) {
					throw new UsageException("--targets-query gave the target id '" + id
							+ "' twice or null; each row needs an id of its own");
				}
				entries.add(new Entry(id, (schemaColumn > 0) ? rows.getString(schemaColumn) : null,
						(urlColumn > 0) ? rows.getString(urlColumn) : null, null, null));
			}
			return entries;
		}
		catch (SQLException ex) {
			throw new UsageException(
					"--targets-query failed: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ")");
		}
	}

	/**
	 * The targets of the core: those without a url on {@code global}, each other on its
	 * own data source (opened per connection, no pool).
	 */
	static List<Fleet.Target> targets(List<Entry> entries, @Nullable DataSource global, ConnectionSettings connection) {
		List<Fleet.Target> targets = new ArrayList<>();
		for (Entry entry : entries) {
			DataSource dataSource;
			if (entry.url() != null) {
				dataSource = dataSource(entry, connection);
			}
			else if (global != null) {
				dataSource = global;
			}
			else {
				throw new UsageException("target '" + entry.id() + "' has no url and no --url is given; give --url "
						+ "(the database of the schemas) or a url per target");
			}
			targets.add(new Fleet.Target(entry.id(), dataSource, entry.schema()));
		}
		return targets;
	}

	private static DataSource dataSource(Entry entry, ConnectionSettings connection) {
		String url = entry.url();
		String user = (entry.user() != null) ? entry.user() : connection.user();
		String password = (entry.password() != null) ? entry.password() : connection.password();
		if (url != null && !url.startsWith("jdbc:")) {
			DatabaseUrl parsed = DatabaseUrl.parse(url);
			url = parsed.jdbcUrl();
			user = (entry.user() != null) ? entry.user() : (parsed.user() != null) ? parsed.user() : connection.user();
			password = (entry.password() != null) ? entry.password()
					: (parsed.password() != null) ? parsed.password() : connection.password();
		}
		return new DatabaseUrl(MigratorFactory.driverUrl(url), user, password).dataSource();
	}

}
