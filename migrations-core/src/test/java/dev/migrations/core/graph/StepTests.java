package dev.migrations.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Step}. */
class StepTests {

	private static RevisionNode node(String id, List<String> parents, String message) {
		return new RevisionNode(id, parents, List.of(), Set.of(), message, id + ".sql", true);
	}

	@Test
	void stepsAreDescribedAsAlembicLogsThem() {
		assertThat(new Step(node("001", List.of(), "initial schema"), Direction.UPGRADE).describe())
			.isEqualTo("Running upgrade  -> 001, initial schema");
		assertThat(new Step(node("b", List.of("a"), "add tasks"), Direction.UPGRADE).describe())
			.isEqualTo("Running upgrade a -> b, add tasks");
		assertThat(new Step(node("m", List.of("x", "y"), "merge"), Direction.UPGRADE).describe())
			.isEqualTo("Running upgrade x, y -> m, merge");
		assertThat(new Step(node("b", List.of("a"), "add tasks"), Direction.DOWNGRADE).describe())
			.isEqualTo("Running downgrade b -> a, add tasks");
		assertThat(new Step(node("m", List.of("x", "y"), "merge"), Direction.DOWNGRADE).describe())
			.isEqualTo("Running downgrade m -> x, y, merge");
	}

}
