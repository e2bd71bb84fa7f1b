package dev.migrations.core.internal.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lock table ({@link StatementForm}) against the local PostgreSQL: every form's
 * example runs in a transaction that is rolled back, and the strongest lock
 * {@code pg_locks} shows this session holding on the example's table is the one the table
 * names. Forms that cannot run in a transaction block are refused there by PostgreSQL
 * (SQLState 25001). The recogniser reads each example as its form.
 */
@PostgresDatabase
class LockTablePostgresTests {

	private static TestDatabase database;

	@BeforeAll
	static void createTables(TestDatabase testDatabase) throws SQLException {
		database = testDatabase;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t (id int PRIMARY KEY, a int, b text, p int)");
			statement.execute("CREATE TABLE r (id int PRIMARY KEY)");
			statement.execute("CREATE INDEX t_a_idx ON t (a)");
			statement.execute("ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID");
			statement.execute("CREATE TABLE pt (id int) PARTITION BY RANGE (id)");
			statement.execute("CREATE TABLE pt_1 PARTITION OF pt FOR VALUES FROM (0) TO (10)");
		}
	}

	@ParameterizedTest
	@EnumSource(StatementForm.class)
	void theLockOfEachFormIsTheOnePostgresTakes(StatementForm form) throws SQLException {
		assertThat(StatementRecognizer.recognise(form.example())).extracting(Action::form).contains(form);
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			long table = oid(connection, form.exampleTable());
			try (Statement statement = connection.createStatement()) {
				if (form.lock() == null) {
					assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(form.example()))
						.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("25001"));
				}
				else {
					statement.execute(form.example());
					assertThat(strongestLock(connection, table)).isEqualTo(form.lock());
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static long oid(Connection connection, String table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT ?::regclass::oid")) {
			query.setString(1, table);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static LockMode strongestLock(Connection connection, long table) throws SQLException {
		List<LockMode> modes = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT mode FROM pg_locks WHERE locktype = "
				+ "'relation' AND relation = ? AND pid = pg_backend_pid() AND granted")) {
			query.setLong(1, table);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					modes.add(LockMode.ofPgName(result.getString(1)));
				}
			}
		}
		return modes.stream().max(Enum::compareTo).orElseThrow();
	}

}
