package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Literal graphs for tests, and a runner that applies a plan step by step and records the
 * heads after each step.
 */
final class Revisions {

	private Revisions() {
	}

	/** A reversible revision; {@code down} is comma-separated, empty for a base. */
	static RevisionNode rev(String id, String down) {
		return rev(id, down, "", "");
	}

	static RevisionNode rev(String id, String down, String dependsOn, String labels) {
		return new RevisionNode(id, split(down), split(dependsOn), new LinkedHashSet<>(split(labels)), "message " + id,
				id + ".sql", true);
	}

	static RevisionNode irreversible(String id, String down) {
		return new RevisionNode(id, split(down), List.of(), Set.of(), "message " + id, id + ".sql", false);
	}

	static RevisionGraph graph(RevisionNode... nodes) {
		return RevisionGraph.of(List.of(nodes));
	}

	static Set<String> applied(String... ids) {
		return new LinkedHashSet<>(Arrays.asList(ids));
	}

	/** The applied set of every revision of the graph. */
	static Set<String> all(RevisionGraph graph) {
		return graph.revisions().stream().map(RevisionNode::id).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Runs {@code plan} on {@code applied}, describing each step as {@code +id [heads]}
	 * or {@code -id [heads]} with the current heads after it.
	 */
	static List<String> run(RevisionGraph graph, Set<String> applied, Plan plan) {
		Set<String> state = new LinkedHashSet<>(applied);
		List<String> described = new ArrayList<>();
		for (Step step : plan.steps()) {
			assertThat(step.direction()).isEqualTo(plan.direction());
			String id = step.revision().id();
			if (step.direction() == Direction.UPGRADE) {
				assertThat(state.add(id)).as("%s is applied once", id).isTrue();
			}
			else {
				assertThat(state.remove(id)).as("%s was applied", id).isTrue();
			}
			assertThat(graph.missingBelowApplied(state)).as("consistent after %s", id).isEmpty();
			described.add(((step.direction() == Direction.UPGRADE) ? "+" : "-") + id + " " + graph.currentHeads(state));
		}
		return described;
	}

	static List<String> upgrade(RevisionGraph graph, Set<String> applied, String target) {
		return run(graph, applied, graph.planUpgrade(applied, target));
	}

	static List<String> downgrade(RevisionGraph graph, Set<String> applied, String target) {
		return run(graph, applied, graph.planDowngrade(applied, target));
	}

	/** The applied set after stamping, as its current heads. */
	static List<String> stamp(RevisionGraph graph, Set<String> applied, boolean purge, String... targets) {
		StampPlan plan = graph.planStamp(applied, List.of(targets), purge);
		Set<String> state = new LinkedHashSet<>(applied);
		plan.unmark().forEach((node) -> state.remove(node.id()));
		plan.mark().forEach((node) -> state.add(node.id()));
		assertThat(graph.missingBelowApplied(state)).isEmpty();
		return graph.currentHeads(state);
	}

	private static List<String> split(String list) {
		return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
	}

}
