package dev.migrations.core.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.state.AppliedSet;
import org.jspecify.annotations.Nullable;

/**
 * Where an offline script starts: the {@code START} of {@code START:TARGET}, parsed in
 * this one place.
 */
final class StartingPoint {

	private static final String BASE = "base";

	private StartingPoint() {
	}

	/**
	 * The revisions applied at {@code start}.
	 * @param start {@code base} or blank for none; {@code heads}, an id or
	 * comma-separated ids for those revisions and everything they need; {@code null} for
	 * what the database has applied
	 * @param graph the code's graph
	 * @param database the ids the database has applied, read only when {@code start} is
	 * {@code null}
	 */
	static AppliedSet of(@Nullable String start, RevisionGraph graph, Supplier<Set<String>> database) {
		Map<String, List<String>> parents = new LinkedHashMap<>();
		if (start == null) {
			Set<String> applied = database.get();
			for (RevisionNode node : graph.revisions()) {
				if (applied.contains(node.id())) {
					parents.put(node.id(), node.downRevisions());
				}
			}
		}
		else if (!start.isBlank() && !BASE.equals(start.strip())) {
			for (String each : start.split(",")) {
				for (Step step : graph.planUpgrade(Set.of(), each.strip()).steps()) {
					parents.put(step.revision().id(), step.revision().downRevisions());
				}
			}
		}
		return new AppliedSet(parents, graph);
	}

}
