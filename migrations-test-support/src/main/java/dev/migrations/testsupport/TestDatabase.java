package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A database created for one test class and dropped after it. Injected into test
 * constructors, lifecycle methods and test methods by {@link PostgresDatabase},
 * {@link MariaDbDatabase} and {@link H2Database}.
 */
public final class TestDatabase {

	private final Kind kind;

	private final String name;

	private final String jdbcUrl;

	private final String user;

	private final @Nullable String password;

	private final DataSource dataSource;

	TestDatabase(Kind kind, String name, String jdbcUrl, String user, @Nullable String password,
			DataSource dataSource) {
		this.kind = kind;
		this.name = name;
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.dataSource = dataSource;
	}

	/** Which database engine this is. */
	public Kind kind() {
		return this.kind;
	}

	/** The database's name, unique to its test class. */
	public String name() {
		return this.name;
	}

	/** JDBC URL of this database, without credentials. */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String user() {
		return this.user;
	}

	public @Nullable String password() {
		return this.password;
	}

	/** A non-pooling data source: each {@code getConnection()} opens a new session. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	public Connection connect() throws SQLException {
		return this.dataSource.getConnection();
	}

	@Override
	public String toString() {
		return this.kind + " database " + this.name + " at " + this.jdbcUrl;
	}

	/** The engines test support can provide. */
	public enum Kind {

		POSTGRESQL, MARIADB, H2

	}

}
