package dev.migrations.core.internal.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.Operation;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Listeners}. */
class ListenersTests {

	private static RevisionNode node(String id, List<String> parents, String message) {
		return new RevisionNode(id, parents, List.of(), Set.of(), message, id + ".sql", true);
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
