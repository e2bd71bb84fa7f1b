package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants on seeded random graphs (merges, several bases, {@code depends_on} on ids
 * and labels): every plan keeps the applied set consistent after each step, goes where it
 * says, and is the same when made twice.
 */
class RandomGraphInvariantsTest {

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
	void headsDerivedStepByStepAreTheHeadsComputedAfresh(long seed) {
		Random random = new Random(seed);
		for (int round = 0; round < 25; round++) {
			RevisionGraph graph = RevisionGraph.of(randomNodes(random, 1 + random.nextInt(30)));
			Set<String> applied = new HashSet<>(closure(graph, random));
			List<String> heads = graph.currentHeads(applied);
			for (Step step : graph.planUpgrade(applied, "heads").steps()) {
				String id = step.revision().id();
				heads = graph.currentHeadsAfterUpgrade(heads, applied::contains, id).orElseThrow();
				applied.add(id);
				assertThat(heads).as("after upgrading %s", id).isEqualTo(graph.currentHeads(applied));
			}
			for (Step step : graph.planDowngrade(applied, "base").steps()) {
				String id = step.revision().id();
				heads = graph.currentHeadsAfterDowngrade(heads, applied::contains, id).orElseThrow();
				applied.remove(id);
				assertThat(heads).as("after downgrading %s", id).isEqualTo(graph.currentHeads(applied));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void headsAreNotDerivedAroundAppliedDescendants(long seed) {
		Random random = new Random(seed);
		RevisionGraph graph = RevisionGraph.of(randomNodes(random, 30));
		Set<String> everything = all(graph);
		for (RevisionNode node : graph.revisions()) {
			Set<String> without = new HashSet<>(everything);
			without.remove(node.id());
			assertThat(graph.currentHeadsAfterUpgrade(graph.currentHeads(without), without::contains, node.id()))
				.as(node.id())
				.isEqualTo(graph.descendants(node.id()).isEmpty() ? Optional.of(graph.currentHeads(everything))
						: Optional.empty());
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void plansKeepTheAppliedSetConsistent(long seed) {
		Random random = new Random(seed);
		for (int round = 0; round < 25; round++) {
			RevisionGraph graph = RevisionGraph.of(randomNodes(random, 1 + random.nextInt(30)));
			Set<String> everything = all(graph);

			assertThat(run(graph, Set.of(), graph.planUpgrade(Set.of(), "heads"))).hasSize(everything.size());
			assertThat(graph.currentHeads(everything)).isEqualTo(graph.realHeads());
			assertThat(graph.history(null, Set.of())).hasSize(everything.size());

			Set<String> applied = closure(graph, random);
			assertThat(graph.missingBelowApplied(applied)).isEmpty();
			assertThat(run(graph, applied, graph.planDowngrade(applied, "base"))).hasSize(applied.size());
			Plan upgrade = graph.planUpgrade(applied, "heads");
			assertThat(run(graph, applied, upgrade)).hasSize(everything.size() - applied.size());
			assertThat(graph.planUpgrade(applied, "heads")).isEqualTo(upgrade);

			for (String target : applied) {
				Plan downgrade = graph.planDowngrade(applied, target);
				Set<String> after = apply(applied, downgrade);
				assertThat(after).contains(target).containsAll(graph.ancestors(target));
				assertThat(graph.planDowngrade(applied, target)).isEqualTo(downgrade);
				assertThat(graph.planUpgrade(after, target).isEmpty()).isTrue();
			}
			assertLabelsPropagatedAsAlembicDoes(graph);
			for (RevisionNode node : graph.revisions()) {
				Set<String> after = apply(applied, graph.planUpgrade(applied, node.id()));
				assertThat(after).contains(node.id()).containsAll(graph.ancestors(node.id()));
				assertThat(graph.missingBelowApplied(after)).isEmpty();
			}
		}
	}

	/**
	 * The naive propagation: each label to the declaring revision's descendants, then
	 * down its line while no revision branches or merges.
	 */
	private static void assertLabelsPropagatedAsAlembicDoes(RevisionGraph graph) {
		Map<String, Set<String>> expected = new HashMap<>();
		for (RevisionNode node : graph.revisions()) {
			expected.put(node.id(), new TreeSet<>());
		}
		for (RevisionNode node : graph.revisions()) {
			for (String label : node.branchLabels()) {
				expected.get(node.id()).add(label);
				graph.descendants(node.id())
					.stream()
					.filter((id) -> graph.ancestors(id).contains(node.id())
							&& isVersionedDescendant(graph, id, node.id()))
					.forEach((id) -> expected.get(id).add(label));
				RevisionNode current = node;
				while (followers(graph, current.id()) <= 1 && current.downRevisions().size() == 1) {
					current = graph.find(current.downRevisions().get(0)).orElseThrow();
					if (followers(graph, current.id()) > 1 || current.downRevisions().size() > 1) {
						break;
					}
					expected.get(current.id()).add(label);
				}
			}
		}
		for (RevisionNode node : graph.revisions()) {
			assertThat(graph.branchLabels(node.id())).as(node.id()).containsExactlyElementsOf(expected.get(node.id()));
		}
	}

	private static boolean isVersionedDescendant(RevisionGraph graph, String id, String ancestor) {
		List<String> todo = new ArrayList<>(List.of(id));
		Set<String> seen = new HashSet<>();
		while (!todo.isEmpty()) {
			String current = todo.remove(todo.size() - 1);
			if (current.equals(ancestor)) {
				return true;
			}
			if (seen.add(current)) {
				todo.addAll(graph.find(current).orElseThrow().downRevisions());
			}
		}
		return false;
	}

	/** Revisions following through down_revision or depends_on. */
	private static long followers(RevisionGraph graph, String id) {
		return graph.revisions()
			.stream()
			.filter((node) -> node.downRevisions().contains(id) || dependsOn(graph, node, id))
			.count();
	}

	private static boolean dependsOn(RevisionGraph graph, RevisionNode node, String id) {
		for (String dependency : node.dependsOn()) {
			String resolved = graph.find(dependency).isPresent() ? dependency
					: graph.revisions()
						.stream()
						.filter((candidate) -> candidate.branchLabels().contains(dependency))
						.findFirst()
						.orElseThrow()
						.id();
			if (resolved.equals(id) && !node.downRevisions().contains(id)) {
				return true;
			}
		}
		return false;
	}

	private static List<RevisionNode> randomNodes(Random random, int size) {
		List<RevisionNode> nodes = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Set<String> down = new LinkedHashSet<>();
			if (i > 0 && random.nextInt(6) != 0) {
				down.add("r" + random.nextInt(i));
				if (random.nextInt(4) == 0) {
					down.add("r" + random.nextInt(i));
				}
			}
			List<String> dependsOn = new ArrayList<>();
			if (i > 1 && random.nextInt(4) == 0) {
				String dependency = (!labels.isEmpty() && random.nextBoolean())
						? labels.get(random.nextInt(labels.size())) : "r" + random.nextInt(i);
				dependsOn.add(dependency);
			}
			Set<String> branchLabels = Set.of();
			if (random.nextInt(5) == 0) {
				branchLabels = Set.of("l" + i);
				labels.add("l" + i);
			}
			nodes
				.add(new RevisionNode("r" + i, List.copyOf(down), dependsOn, branchLabels, "", "r" + i + ".sql", true));
		}
		return nodes;
	}

	/**
	 * A random applied set that can come from the graph: some revisions and their
	 * ancestors.
	 */
	private static Set<String> closure(RevisionGraph graph, Random random) {
		Set<String> applied = new HashSet<>();
		for (RevisionNode node : graph.revisions()) {
			if (random.nextInt(3) == 0) {
				applied.add(node.id());
				applied.addAll(graph.ancestors(node.id()));
			}
		}
		return applied;
	}

	private static Set<String> apply(Set<String> applied, Plan plan) {
		Set<String> after = new HashSet<>(applied);
		for (Step step : plan.steps()) {
			if (step.direction() == Direction.UPGRADE) {
				after.add(step.revision().id());
			}
			else {
				after.remove(step.revision().id());
			}
		}
		return after;
	}

}
