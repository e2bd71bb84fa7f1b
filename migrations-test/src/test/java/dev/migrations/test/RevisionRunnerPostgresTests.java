package dev.migrations.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.core.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A data migration tested with a {@link RevisionRunner}, as a user of the kit writes it.
 */
@MigrationsTest(locations = "classpath:kit/data")
class RevisionRunnerPostgresTests {

	@Test
	void theNumericPriorityIsBackfilledFromTheTextOne(RevisionRunner runner) {
		runner.upgradeBefore("2000000000a2");
		assertThat(runner.current()).containsExactly("1000000000a1");
		runner.insert("tasks", Map.of("id", 1, "title", "Write the kit", "priority", "high"));
		runner.insert("tasks", Map.of("id", 2, "title", "Read the kit", "priority", "low"));

		runner.upgradeTo("2000000000a2");

		assertThat(runner.query("SELECT id, priority_id FROM tasks ORDER BY id"))
			.containsExactly(Map.of("id", 1, "priority_id", 3), Map.of("id", 2, "priority_id", 1));
		assertThat(runner.current()).containsExactly("2000000000a2");
	}

	@Test
	void stepsOneRevisionAtATimeBothWays(RevisionRunner runner) {
		assertThat(runner.heads()).containsExactly("2000000000a2");
		assertThat(runner.current()).isEmpty();
		runner.upgradeOne();
		assertThat(runner.current()).containsExactly("1000000000a1");
		runner.upgradeOne();
		Catalog.Table tasks = runner.catalog().table("tasks").orElseThrow();
		assertThat(tasks.column("priority_id").orElseThrow().nullable()).isFalse();
		runner.downgradeOne();
		assertThat(runner.catalog().table("tasks").orElseThrow().column("priority_id")).isEmpty();
		runner.downgradeTo("base");
		assertThat(runner.current()).isEmpty();
		assertThat(runner.catalog().tables()).isEmpty();
	}

	@Test
	void eachRunnerHasADatabaseOfItsOwn(RevisionRunner first, RevisionRunner second) {
		first.upgradeTo("heads");
		assertThat(second.current()).isEmpty();
		assertThat(first.database().name()).isNotEqualTo(second.database().name());
		assertThat(first.query("SELECT current_database() AS name"))
			.containsExactly(Map.of("name", first.database().name()));
	}

	@Test
	void insertRefusesNamesThatAreNotPlainIdentifiers(RevisionRunner runner) {
		assertThatIllegalArgumentException().isThrownBy(() -> runner.insert("tasks; DROP TABLE x", Map.of()))
			.withMessage("Not an unquoted identifier: 'tasks; DROP TABLE x'; insert takes table and column names "
					+ "of letters, digits and underscores");
		assertThat(List.of(runner.toString())).singleElement().asString().contains("no database yet");
	}

}
