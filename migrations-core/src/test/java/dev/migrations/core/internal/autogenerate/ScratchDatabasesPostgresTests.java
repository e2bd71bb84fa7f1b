package dev.migrations.core.internal.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.Autogenerate.ScratchDatabaseException;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The two scratch databases on PostgreSQL, created and dropped side by side: both exist
 * once created, take connections, and are gone once closed.
 */
@PostgresDatabase
class ScratchDatabasesPostgresTests {

	@Test
	void bothAreCreatedAndBothDropped(TestDatabase database) throws SQLException {
		DatabaseUrl server = new DatabaseUrl(database.jdbcUrl(), database.user(), database.password());
		List<String> names;
		try (ScratchDatabases scratch = ScratchDatabases.create(server)) {
			names = List.of(scratch.describe().split(" on ")[0].split(" and "));
			assertThat(names).hasSize(2).allMatch((name) -> name.startsWith("migrations_scratch_"));
			assertThat(existing(database, names)).containsExactlyInAnyOrderElementsOf(names);
			try (Connection model = scratch.model().getConnection();
					Connection heads = scratch.heads().getConnection()) {
				assertThat(model.getCatalog()).isEqualTo(names.get(0));
				assertThat(heads.getCatalog()).isEqualTo(names.get(1));
			}
		}
		assertThat(existing(database, names)).isEmpty();
	}

	@Test
	void anUnreachableServerIsAScratchDatabaseException() {
		assertThatExceptionOfType(ScratchDatabaseException.class)
			.isThrownBy(
					() -> ScratchDatabases.create(new DatabaseUrl("jdbc:postgresql://127.0.0.1:1/none", null, null)))
			.withMessageStartingWith(
					"Autogenerate could not create its scratch databases on " + "jdbc:postgresql://127.0.0.1:1/none");
	}

	/** Which of the databases {@code names} exist on the server of {@code database}. */
	static List<String> existing(TestDatabase database, List<String> names) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
			statement.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					found.add(rows.getString(1));
				}
			}
		}
		return found;
	}

}
