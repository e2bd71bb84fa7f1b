package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective branch labels of every revision, propagated as Alembic does: a label
 * declared on a revision goes to its descendants (through {@code down_revision}) and down
 * its line until a branch point or a merge point.
 * <p>
 * Both directions are computed in one pass each over a topological order, and revisions
 * whose labels equal those of the neighbour they come from share one set, so the cost is
 * linear in the revisions plus the sizes of the sets that actually differ.
 */
final class BranchLabels {

	private static final Set<String> NONE = Set.of();

	/** Labels from the revision itself and its ancestors. */
	private final List<Set<String>> fromBelow;

	/** Labels from revisions higher up on the same line. */
	private final List<Set<String>> fromAbove;

	private BranchLabels(List<Set<String>> fromBelow, List<Set<String>> fromAbove) {
		this.fromBelow = fromBelow;
		this.fromAbove = fromAbove;
	}

	/**
	 * @param declared each label and the revision declaring it
	 * @param order all revisions, ancestors first
	 */
	static BranchLabels propagate(Map<String, Integer> declared, int[][] parents, int[][] children, int[][] allChildren,
			int[] order) {
		int size = parents.length;
		List<Set<String>> own = new ArrayList<>(Collections.nCopies(size, NONE));
		for (Map.Entry<String, Integer> entry : declared.entrySet()) {
			int revision = entry.getValue();
			if (own.get(revision).isEmpty()) {
				own.set(revision, new TreeSet<>());
			}
			own.get(revision).add(entry.getKey());
		}
		List<Set<String>> fromBelow = new ArrayList<>(Collections.nCopies(size, NONE));
		List<Set<String>> fromAbove = new ArrayList<>(Collections.nCopies(size, NONE));
		if (declared.isEmpty()) {
			return new BranchLabels(fromBelow, fromAbove);
		}
		for (int revision : order) {
			Set<String> labels = own.get(revision);
			for (int parent : parents[revision]) {
				labels = union(labels, fromBelow.get(parent));
			}
			fromBelow.set(revision, labels);
		}
		for (int i = order.length - 1; i >= 0; i--) {
			int revision = order[i];
			if (allChildren[revision].length > 1 || parents[revision].length > 1) {
				continue;
			}
			for (int child : children[revision]) {
				if (allChildren[child].length <= 1 && parents[child].length == 1) {
					fromAbove.set(revision, union(own.get(child), fromAbove.get(child)));
				}
			}
		}
		return new BranchLabels(fromBelow, fromAbove);
	}

	/** The union, sharing an operand when it holds the other. */
	private static Set<String> union(Set<String> first, Set<String> second) {
		if (first == second || second.isEmpty() || first.containsAll(second)) {
			return first;
		}
		if (first.isEmpty() || second.containsAll(first)) {
			return second;
		}
		Set<String> union = new TreeSet<>(first);
		union.addAll(second);
		return union;
	}

	/** The effective labels of a revision, sorted. */
	Set<String> of(int revision) {
		return Collections
			.unmodifiableSet(new TreeSet<>(union(this.fromBelow.get(revision), this.fromAbove.get(revision))));
	}

}
