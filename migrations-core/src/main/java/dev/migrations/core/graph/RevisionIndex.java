package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The validated, indexed form of a revision graph: every revision has an index (its load
 * position), relations are arrays of indexes. Built by {@link RevisionIndexBuilder}.
 * Traversals are iterative, so long chains cannot overflow the stack.
 */
final class RevisionIndex {

	/** Stands for "base", the state before any revision. */
	static final int BASE = -1;

	private final List<RevisionNode> nodes;

	private final Map<String, Integer> ids;

	private final NavigableMap<String, Integer> sortedIds;

	private final Map<String, Integer> labels;

	private final int[][] parents;

	private final int[][] allParents;

	private final int[][] walkParents;

	private final int[][] children;

	private final int[][] allChildren;

	private final BranchLabels branchLabels;

	private final int[] heads;

	private final int[] bases;

	private final int[] topologicalPosition;

	RevisionIndex(List<RevisionNode> nodes, Map<String, Integer> ids, NavigableMap<String, Integer> sortedIds,
			Map<String, Integer> labels, int[][] parents, int[][] allParents, int[][] walkParents, int[][] children,
			int[][] allChildren, BranchLabels branchLabels, int[] topologicalOrder) {
		this.nodes = nodes;
		this.ids = ids;
		this.sortedIds = sortedIds;
		this.labels = labels;
		this.parents = parents;
		this.allParents = allParents;
		this.walkParents = walkParents;
		this.children = children;
		this.allChildren = allChildren;
		this.branchLabels = branchLabels;
		this.heads = select(children, true);
		this.bases = select(parents, true);
		this.topologicalPosition = new int[topologicalOrder.length];
		for (int position = 0; position < topologicalOrder.length; position++) {
			this.topologicalPosition[topologicalOrder[position]] = position;
		}
	}

	private static int[] select(int[][] relation, boolean empty) {
		int[] selected = new int[relation.length];
		int count = 0;
		for (int i = 0; i < relation.length; i++) {
			if ((relation[i].length == 0) == empty) {
				selected[count++] = i;
			}
		}
		return Arrays.copyOf(selected, count);
	}

	int size() {
		return this.nodes.size();
	}

	List<RevisionNode> nodes() {
		return this.nodes;
	}

	RevisionNode node(int index) {
		return this.nodes.get(index);
	}

	String id(int index) {
		return this.nodes.get(index).id();
	}

	@Nullable Integer indexOf(String id) {
		return this.ids.get(id);
	}

	/** The revision declaring a branch label. */
	@Nullable Integer labelled(String label) {
		return this.labels.get(label);
	}

	/** Revision indexes whose id starts with {@code prefix}, in id order. */
	Collection<Integer> withPrefix(String prefix) {
		return this.sortedIds.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values();
	}

	/** Parents through {@code down_revision}. */
	int[] parents(int index) {
		return this.parents[index];
	}

	/** Parents through {@code down_revision} and {@code depends_on}. */
	int[] allParents(int index) {
		return this.allParents[index];
	}

	/**
	 * Parents in the order a walk down the graph takes them, as Alembic does: through
	 * {@code down_revision}, then through {@code depends_on} except dependencies that a
	 * revision below through {@code down_revision} has too. Reaches the same ancestors as
	 * {@link #allParents}.
	 */
	int[] walkParents(int index) {
		return this.walkParents[index];
	}

	/** Children through {@code down_revision}. */
	int[] children(int index) {
		return this.children[index];
	}

	/** Children through {@code down_revision} and {@code depends_on}. */
	int[] allChildren(int index) {
		return this.allChildren[index];
	}

	Set<String> labels(int index) {
		return this.branchLabels.of(index);
	}

	/** Revisions without children through {@code down_revision}, in load order. */
	int[] heads() {
		return this.heads;
	}

	/** Revisions without {@code down_revision}, in load order. */
	int[] bases() {
		return this.bases;
	}

	/**
	 * The revision's position in one fixed order of the whole graph with ancestors first.
	 */
	int topologicalPosition(int index) {
		return this.topologicalPosition[index];
	}

	/** Whether more than one revision follows through {@code down_revision}. */
	boolean isBranchPoint(int index) {
		return this.children[index].length > 1;
	}

	boolean isMergePoint(int index) {
		return this.parents[index].length > 1;
	}

	/**
	 * Marks the seeds and all their ancestors.
	 * @param dependencies whether to follow {@code depends_on} too
	 */
	boolean[] ancestors(int[] seeds, boolean dependencies) {
		return reach(seeds, dependencies ? this.allParents : this.parents);
	}

	/**
	 * Marks the seeds and all their descendants.
	 * @param dependencies whether to follow {@code depends_on} too
	 */
	boolean[] descendants(int[] seeds, boolean dependencies) {
		return reach(seeds, dependencies ? this.allChildren : this.children);
	}

	private boolean[] reach(int[] seeds, int[][] relation) {
		boolean[] marked = new boolean[size()];
		int[] stack = new int[size()];
		int top = 0;
		for (int seed : seeds) {
			if (seed != BASE && !marked[seed]) {
				marked[seed] = true;
				stack[top++] = seed;
			}
		}
		while (top > 0) {
			int current = stack[--top];
			for (int next : relation[current]) {
				if (!marked[next]) {
					marked[next] = true;
					stack[top++] = next;
				}
			}
		}
		return marked;
	}

	/**
	 * Marks the revisions sharing lineage with {@code index}: itself, its ancestors and
	 * its descendants through {@code down_revision}, as Alembic does.
	 */
	boolean[] lineage(int index) {
		boolean[] lineage = ancestors(new int[] { index }, false);
		boolean[] descendants = descendants(new int[] { index }, false);
		for (int i = 0; i < lineage.length; i++) {
			lineage[i] |= descendants[i];
		}
		return lineage;
	}

	/**
	 * The lowest revision a branch label declared on {@code index} reaches: walking down
	 * from it until a branch point or a merge point, as Alembic propagates labels.
	 */
	int branchRoot(int index) {
		int current = index;
		int root = index;
		while (this.allChildren[current].length <= 1 && this.parents[current].length <= 1) {
			root = current;
			if (this.parents[current].length == 0) {
				break;
			}
			current = this.parents[current][0];
		}
		return root;
	}

	List<String> ids(int[] indexes) {
		List<String> ids = new ArrayList<>(indexes.length);
		for (int index : indexes) {
			ids.add(id(index));
		}
		return Collections.unmodifiableList(ids);
	}

	/** Indexes of marked revisions, in load order. */
	static int[] marked(boolean[] marks) {
		int count = 0;
		for (boolean mark : marks) {
			count += mark ? 1 : 0;
		}
		int[] indexes = new int[count];
		int next = 0;
		for (int i = 0; i < marks.length; i++) {
			if (marks[i]) {
				indexes[next++] = i;
			}
		}
		return indexes;
	}

}
