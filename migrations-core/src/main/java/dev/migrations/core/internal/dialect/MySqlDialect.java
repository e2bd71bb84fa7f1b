package dev.migrations.core.internal.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.internal.source.SqlSyntax;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB and MySQL: DDL commits implicitly (so a revision failing after DDL ran is
 * recorded {@code FAILED}), the lock is {@code GET_LOCK} on a dedicated connection
 * ({@link MySqlUserLock}), scripts are split as the {@code mysql} client does, times are
 * stored as UTC in {@code DATETIME(6)}. A schema is a database there.
 */
public final class MySqlDialect implements Dialect {

	/** Statements that do not commit the open transaction (InnoDB). */
	private static final Set<String> TRANSACTIONAL = Set.of("insert", "update", "delete", "replace", "select", "set",
			"do", "with", "values", "table", "savepoint", "handler", "load");

	private final DatabaseType type;

	private final String productName;

	private MySqlDialect(DatabaseType type, String productName) {
		this.type = type;
		this.productName = productName;
	}

	public static MySqlDialect mariaDb() {
		return new MySqlDialect(DatabaseType.MARIADB, "MariaDB");
	}

	public static MySqlDialect mySql() {
		return new MySqlDialect(DatabaseType.MYSQL, "MySQL");
	}

	@Override
	public DatabaseType type() {
		return this.type;
	}

	@Override
	public boolean handles(String databaseProductName) {
		return this.productName.equalsIgnoreCase(databaseProductName);
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public SqlSyntax sqlSyntax() {
		return SqlSyntax.MYSQL;
	}

	@Override
	public String quote(String identifier) {
		return '`' + identifier + '`';
	}

	/**
	 * A plain {@code '...'} literal, or, for a value holding a backslash, a
	 * {@code _utf8mb4 X'...'} hex literal, which reads the same whether or not
	 * {@code NO_BACKSLASH_ESCAPES} is set.
	 */
	@Override
	public String literal(@Nullable String value) {
		if (value == null || value.indexOf('\\') < 0) {
			return Dialect.super.literal(value);
		}
		return "_utf8mb4 X'" + HexFormat.of().formatHex(value.replace("\0", "").getBytes(StandardCharsets.UTF_8)) + "'";
	}

	/** {@code TIMESTAMP '2026-11-21 16:00:00.123456'}, in UTC. */
	@Override
	public String literal(Instant value) {
		String text = TimestampText.utc(value);
		return "TIMESTAMP '" + text.substring(0, text.length() - "+00:00".length()) + "'";
	}

	@Override
	public String currentTimestamp() {
		return "UTC_TIMESTAMP(6)";
	}

	@Override
	public Instant instant(ResultSet result, int column) throws SQLException {
		Timestamp timestamp = result.getTimestamp(column, utc());
		return timestamp.toInstant();
	}

	/**
	 * Whether the statement commits the open transaction implicitly: anything but DML and
	 * {@code SET} (DDL, {@code LOCK TABLES}, {@code CALL} of a procedure that may run
	 * DDL, ...).
	 */
	@Override
	public boolean commitsImplicitly(String sql) {
		return !TRANSACTIONAL.contains(firstWord(sql));
	}

	/** The first keyword, lower case, skipping leading version comments' markers. */
	static String firstWord(String sql) {
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c) || c == '(') {
				i++;
			}
			else if (sql.startsWith("/*", i)) {
				int end = i + 2;
				if (end < length && (sql.charAt(end) == '!' || sql.charAt(end) == 'M')) {
					// a version comment: its text is read, after the version number
					end++;
					while (end < length && (sql.charAt(end) == '!' || Character.isDigit(sql.charAt(end)))) {
						end++;
					}
					i = end;
				}
				else {
					int close = sql.indexOf("*/", end);
					i = (close < 0) ? length : close + 2;
				}
			}
			else {
				break;
			}
		}
		int end = i;
		while (end < length && Character.isLetter(sql.charAt(end))) {
			end++;
		}
		return sql.substring(i, end).toLowerCase(Locale.ROOT);
	}

	/**
	 * With the vendor error code, e.g. {@code error 1050: Table 'users' already exists}.
	 */
	@Override
	public String errorMessage(SQLException ex, String firstLine) {
		String message = firstLine.replaceFirst("^\\(conn=\\d+\\) ", "");
		return (ex.getErrorCode() != 0) ? "error " + ex.getErrorCode() + ": " + message : message;
	}

	/** {@code CREATE DATABASE IF NOT EXISTS}, in UTF-8. */
	@Override
	public @Nullable String createSchema(TableNames names) {
		return (names.schema() != null)
				? "CREATE DATABASE IF NOT EXISTS " + quote(names.schema()) + " CHARACTER SET utf8mb4" : null;
	}

	/**
	 * InnoDB tables in {@code utf8mb4} with a binary collation (revision ids are case
	 * sensitive), times in UTC as {@code DATETIME(6)}.
	 */
	@Override
	public List<String> createTables(TableNames names) {
		String options = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
		String applied = "CREATE TABLE IF NOT EXISTS " + table(names, names.versionTable()) + " (\n"
				+ "    revision VARCHAR(64) NOT NULL PRIMARY KEY,\n" //
				+ "    down_revisions TEXT NOT NULL,\n" //
				+ "    message TEXT NOT NULL,\n" //
				+ "    checksum VARCHAR(64),\n" //
				+ "    status VARCHAR(10) NOT NULL,\n" //
				+ "    applied_at DATETIME(6) NOT NULL,\n" //
				+ "    applied_by VARCHAR(300) NOT NULL,\n" //
				+ "    execution_time_ms BIGINT NOT NULL\n" //
				+ ")" + options;
		String history = "CREATE TABLE IF NOT EXISTS " + table(names, names.historyTable()) + " (\n"
				+ "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n" //
				+ "    operation VARCHAR(16) NOT NULL,\n" //
				+ "    revision VARCHAR(64),\n" //
				+ "    from_heads TEXT NOT NULL,\n" //
				+ "    to_heads TEXT NOT NULL,\n" //
				+ "    checksum VARCHAR(64),\n" //
				+ "    started_at DATETIME(6) NOT NULL,\n" //
				+ "    duration_ms BIGINT NOT NULL,\n" //
				+ "    success BOOLEAN NOT NULL,\n" //
				+ "    error_message TEXT,\n" //
				+ "    db_user VARCHAR(300) NOT NULL,\n" //
				+ "    host VARCHAR(255)\n" //
				+ ")" + options;
		return List.of(applied, history);
	}

	@Override
	public boolean stateTablesExist(Connection connection, TableNames names) throws SQLException {
		return StateTableQuery.stateTablesExist(connection, names, "DATABASE()");
	}

	@Override
	public Optional<MigrationLock> databaseLock(TableNames names) {
		return Optional.of(new MySqlUserLock(names));
	}

	/**
	 * A calendar in UTC, made when a timestamp is read: a constant would load the
	 * calendar and locale machinery in every JVM that loads the dialects, PostgreSQL
	 * applications included.
	 */
	private static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
	}

}
