package dev.migrations.core.internal.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.core.catalog.Catalog;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scripts autogenerate runs in its scratch databases on PostgreSQL (the model, the
 * round trip's sections): all of a script runs in one transaction, and a failing
 * statement is named by its line, with nothing of the script left behind.
 */
@PostgresDatabase
class ScriptRunnerPostgresTests {

	@Test
	void aScriptRunsWhole(TestDatabase database) throws SQLException {
		ScriptRunner.run(database.dataSource(), """
				create table a (id bigint primary key);
				create table b (id bigint primary key, a_id bigint references a);
				create index ix_b_a_id on b (a_id);
				""", "the model");
		assertThat(tables(database)).containsExactly("a", "b");
	}

	@Test
	void aFailingStatementIsNamedByItsLineAndNothingOfTheScriptRemains(TestDatabase database) throws SQLException {
		assertThatExceptionOfType(ScriptRunner.ScriptFailedException.class)
			.isThrownBy(() -> ScriptRunner.run(database.dataSource(), """
					create table p (id bigint primary key);
					create table q (id bigint primary key);

					create index ix_c on c (id);
					create table r (id bigint primary key);
					""", "the generated upgrade"))
			.withMessageStartingWith("the generated upgrade failed in a scratch database at line 4 (SQLState 42P01): ")
			.withMessageContaining("relation \"c\" does not exist")
			.satisfies((ex) -> assertThat(ex.statement().sql()).isEqualTo("create index ix_c on c (id)"));
		assertThat(tables(database)).doesNotContain("p", "q", "r");
	}

	private static List<String> tables(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return Catalog.read(connection).tables().stream().map(Catalog.Table::name).sorted().toList();
		}
	}

}
