package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.test.database.ScratchDatabase;

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

	private final ScratchDatabase scratch;

	private TestDatabase(ScratchDatabase scratch) {
		this.kind = Kind.valueOf(scratch.kind().name());
		this.name = scratch.name();
		this.jdbcUrl = scratch.jdbcUrl();
		this.user = scratch.user();
		this.password = scratch.password();
		this.dataSource = scratch.dataSource();
		this.scratch = scratch;
	}

	static TestDatabase of(ScratchDatabase scratch) {
		return new TestDatabase(scratch);
	}

	/** The same database as the test kit's {@link ScratchDatabase}. */
	public ScratchDatabase scratch() {
		return this.scratch;
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
