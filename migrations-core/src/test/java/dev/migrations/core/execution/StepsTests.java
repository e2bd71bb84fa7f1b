package dev.migrations.core.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.Operation;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepsTests {

	private static RevisionNode node(String id, List<String> parents, String message) {
		return new RevisionNode(id, parents, List.of(), Set.of(), message, id + ".sql", true);
	}

	@Test
	void stepsAreDescribedAsAlembicLogsThem() {
		assertThat(Steps.describe(new Step(node("001", List.of(), "initial schema"), Direction.UPGRADE)))
			.isEqualTo("Running upgrade  -> 001, initial schema");
		assertThat(Steps.describe(new Step(node("b", List.of("a"), "add tasks"), Direction.UPGRADE)))
			.isEqualTo("Running upgrade a -> b, add tasks");
		assertThat(Steps.describe(new Step(node("m", List.of("x", "y"), "merge"), Direction.UPGRADE)))
			.isEqualTo("Running upgrade x, y -> m, merge");
		assertThat(Steps.describe(new Step(node("b", List.of("a"), "add tasks"), Direction.DOWNGRADE)))
			.isEqualTo("Running downgrade b -> a, add tasks");
		assertThat(Steps.describe(new Step(node("m", List.of("x", "y"), "merge"), Direction.DOWNGRADE)))
			.isEqualTo("Running downgrade m -> x, y, merge");
	}

	@Test
	void theHeadsOfAnAppliedSetFollowItsSteps() {
		AppliedSet applied = new AppliedSet(Map.of());
		applied.apply(new Step(node("a", List.of(), ""), Direction.UPGRADE));
		applied.apply(new Step(node("x", List.of("a"), ""), Direction.UPGRADE));
		applied.apply(new Step(node("y", List.of("a"), ""), Direction.UPGRADE));
		assertThat(applied.heads()).containsExactly("x", "y");

		applied.apply(new Step(node("m", List.of("x", "y"), ""), Direction.UPGRADE));
		assertThat(applied.heads()).containsExactly("m");

		applied.apply(new Step(node("m", List.of("x", "y"), ""), Direction.DOWNGRADE));
		applied.apply(new Step(node("y", List.of("a"), ""), Direction.DOWNGRADE));
		assertThat(applied.heads()).containsExactly("x");
		assertThat(applied.ids()).containsExactlyInAnyOrder("a", "x");
	}

	@Test
	void aFailingListenerNeitherStopsTheOthersNorTheRun() {
		List<String> calls = new ArrayList<>();
		Listeners listeners = new Listeners(List.of(new MigrationListener() {

			@Override
			public void runStarted(Operation operation, String target) {
				throw new IllegalStateException("broken listener");
			}

			@Override
			public void revisionFinished(Step step, Duration duration) {
				throw new IllegalStateException("broken listener");
			}

		}, new MigrationListener() {

			@Override
			public void runStarted(Operation operation, String target) {
				calls.add("started " + operation + " " + target);
			}

			@Override
			public void revisionFinished(Step step, Duration duration) {
				calls.add("finished " + step.revision().id());
			}

		}));

		listeners.runStarted(Operation.UPGRADE, "heads");
		listeners.revisionFinished(new Step(node("a", List.of(), ""), Direction.UPGRADE), Duration.ZERO);

		assertThat(calls).containsExactly("started UPGRADE heads", "finished a");
	}

}
