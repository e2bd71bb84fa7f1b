package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a list of revisions and indexes it: ids and labels checked, references
 * resolved, cycles found, branch labels propagated.
 */
final class RevisionIndexBuilder {

	private static final int[] NONE = new int[0];

	private final List<RevisionNode> nodes;

	private final Map<String, Integer> ids = new HashMap<>();

	private final Map<String, Integer> labels = new HashMap<>();

	private RevisionIndexBuilder(List<RevisionNode> nodes) {
		this.nodes = List.copyOf(nodes);
	}

	static RevisionIndex build(List<RevisionNode> nodes) {
		return new RevisionIndexBuilder(nodes).build();
	}

	private RevisionIndex build() {
		int size = this.nodes.size();
		indexIds();
		indexLabels();
		int[][] parents = new int[size][];
		int[][] dependencies = new int[size][];
		int[][] allParents = new int[size][];
		for (int i = 0; i < size; i++) {
			RevisionNode node = this.nodes.get(i);
			Set<Integer> down = resolve(node, node.downRevisions(), "down_revision", false);
			Set<Integer> dependsOn = resolve(node, node.dependsOn(), "depends_on", true);
			Set<Integer> all = new LinkedHashSet<>(down);
			all.addAll(dependsOn);
			parents[i] = toArray(down);
			dependencies[i] = toArray(dependsOn);
			allParents[i] = toArray(all);
		}
		int[][] children = invert(parents);
		int[][] allChildren = invert(allParents);
		int[] order = topologicalOrder(allParents, allChildren);
		return new RevisionIndex(this.nodes, Map.copyOf(this.ids), new TreeMap<>(this.ids), Map.copyOf(this.labels),
				parents, allParents, walkParents(parents, dependencies, invert(dependencies)), children, allChildren,
				BranchLabels.propagate(this.labels, parents, children, allChildren, order), order);
	}

	private void indexIds() {
		for (int i = 0; i < this.nodes.size(); i++) {
			RevisionNode node = this.nodes.get(i);
			if (!RevisionIds.isValidId(node.id())) {
				throw InvalidNameException.revisionId(node.id(), node.source());
			}
			Integer previous = this.ids.putIfAbsent(node.id(), i);
			if (previous != null) {
				throw DuplicateNameException.revisionId(node.id(), this.nodes.get(previous).source(), node.source());
			}
		}
	}

	private void indexLabels() {
		for (int i = 0; i < this.nodes.size(); i++) {
			RevisionNode node = this.nodes.get(i);
			for (String label : new TreeSet<>(node.branchLabels())) {
				if (!RevisionIds.isValidLabel(label)) {
					throw InvalidNameException.branchLabel(label, node.id(), node.source());
				}
				Integer owner = this.ids.get(label);
				if (owner == null) {
					owner = this.labels.putIfAbsent(label, i);
				}
				if (owner != null) {
					throw DuplicateNameException.branchLabel(label, node.id(), this.nodes.get(owner).id());
				}
			}
		}
	}

	private Set<Integer> resolve(RevisionNode node, List<String> references, String key, boolean labelsAllowed) {
		Set<Integer> resolved = new LinkedHashSet<>();
		for (String reference : references) {
			if (reference.equals(node.id())) {
				throw new CycleException(List.of(node.id()));
			}
			Integer index = this.ids.get(reference);
			if (index == null && labelsAllowed) {
				index = this.labels.get(reference);
			}
			if (index == null) {
				throw new MissingRevisionException(node.id(), node.source(), reference, key);
			}
			if (index.equals(this.ids.get(node.id()))) {
				throw new CycleException(List.of(node.id()));
			}
			resolved.add(index);
		}
		return resolved;
	}

	/**
	 * Each revision's parents as Alembic walks them ({@code _normalized_down_revisions}):
	 * its {@code down_revision}s, then its dependencies except those that a revision
	 * below it through {@code down_revision} depends on too (that revision leads the walk
	 * there).
	 * @param dependents for each revision, the revisions that depend on it
	 */
	private static int[][] walkParents(int[][] parents, int[][] dependencies, int[][] dependents) {
		int[][] walkParents = new int[parents.length][];
		for (int i = 0; i < parents.length; i++) {
			if (dependencies[i].length == 0) {
				walkParents[i] = parents[i];
				continue;
			}
			Set<Integer> dependenciesBelow = sharesDependency(i, dependencies, dependents)
					? dependenciesBelow(i, parents, dependencies) : Set.of();
			Set<Integer> walk = new LinkedHashSet<>();
			for (int parent : parents[i]) {
				walk.add(parent);
			}
			for (int dependency : dependencies[i]) {
				if (!dependenciesBelow.contains(dependency)) {
					walk.add(dependency);
				}
			}
			walkParents[i] = toArray(walk);
		}
		return walkParents;
	}

	/** Whether another revision depends on one of the revision's dependencies. */
	private static boolean sharesDependency(int revision, int[][] dependencies, int[][] dependents) {
		for (int dependency : dependencies[revision]) {
			if (dependents[dependency].length > 1) {
				return true;
			}
		}
		return false;
	}

	/** The dependencies of the revisions below {@code revision} through down_revision. */
	private static Set<Integer> dependenciesBelow(int revision, int[][] parents, int[][] dependencies) {
		Set<Integer> found = new HashSet<>();
		boolean[] seen = new boolean[parents.length];
		int[] stack = new int[parents.length];
		int top = 0;
		for (int parent : parents[revision]) {
			if (!seen[parent]) {
				seen[parent] = true;
				stack[top++] = parent;
			}
		}
		while (top > 0) {
			int current = stack[--top];
			for (int dependency : dependencies[current]) {
				found.add(dependency);
			}
			for (int parent : parents[current]) {
				if (!seen[parent]) {
					seen[parent] = true;
					stack[top++] = parent;
				}
			}
		}
		return found;
	}

	private static int[] toArray(Set<Integer> indexes) {
		if (indexes.isEmpty()) {
			return NONE;
		}
		int[] array = new int[indexes.size()];
		int next = 0;
		for (int index : indexes) {
			array[next++] = index;
		}
		return array;
	}

	/** Children lists in load order. */
	private static int[][] invert(int[][] parents) {
		int[] counts = new int[parents.length];
		for (int[] ofRevision : parents) {
			for (int parent : ofRevision) {
				counts[parent]++;
			}
		}
		int[][] children = new int[parents.length][];
		for (int i = 0; i < parents.length; i++) {
			children[i] = (counts[i] != 0) ? new int[counts[i]] : NONE;
			counts[i] = 0;
		}
		for (int child = 0; child < parents.length; child++) {
			for (int parent : parents[child]) {
				children[parent][counts[parent]++] = child;
			}
		}
		return children;
	}

	/**
	 * Kahn's algorithm, ancestors first; on a leftover, follows leftover parents until a
	 * revision repeats, which names exactly the revisions of one cycle.
	 */
	private int[] topologicalOrder(int[][] allParents, int[][] allChildren) {
		int size = allParents.length;
		int[] pending = new int[size];
		int[] queue = new int[size];
		int tail = 0;
		for (int i = 0; i < size; i++) {
			pending[i] = allParents[i].length;
			if (pending[i] == 0) {
				queue[tail++] = i;
			}
		}
		for (int head = 0; head < tail; head++) {
			for (int child : allChildren[queue[head]]) {
				if (--pending[child] == 0) {
					queue[tail++] = child;
				}
			}
		}
		if (tail == size) {
			return queue;
		}
		int start = 0;
		while (pending[start] == 0) {
			start++;
		}
		int[] position = new int[size];
		Arrays.fill(position, -1);
		List<Integer> path = new ArrayList<>();
		int current = start;
		while (position[current] < 0) {
			position[current] = path.size();
			path.add(current);
			for (int parent : allParents[current]) {
				if (pending[parent] != 0) {
					current = parent;
					break;
				}
			}
		}
		List<Integer> cycle = new ArrayList<>(path.subList(position[current], path.size()));
		Collections.reverse(cycle);
		Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
		throw new CycleException(cycle.stream().map((index) -> this.nodes.get(index).id()).toList());
	}

}
