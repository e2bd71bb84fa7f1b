package dev.migrations.core.graph;

/**
 * Orders a set of revisions newest first, as Alembic walks down from the heads: start at
 * the first head in load order and go down its line; a revision waits until every
 * revision of the set above it (through {@code down_revision} or {@code depends_on}) is
 * out, so each branch is finished down to its branch point before the walk crosses it;
 * then the next head in load order. At a merge point the parents are walked in
 * {@code down_revision} order. An upgrade runs this order reversed, a downgrade as it is.
 * Linear in the size of the set and its relations.
 * <p>
 * Alembic's own walk, stopped at a branch point, jumps to the first head that still has
 * to pass it and, after a line ends, resumes at the previous entry of its list of heads;
 * this walk resumes at the next head in load order instead. Both give the same order on
 * the shapes of Alembic's traversal tests; they can interleave independent branches
 * differently.
 */
final class TopologicalWalk {

	private TopologicalWalk() {
	}

	/** The marked revisions, newest first. */
	static int[] newestFirst(RevisionIndex index, boolean[] set) {
		int size = index.size();
		int[] waiting = new int[size];
		int members = 0;
		for (int i = 0; i < size; i++) {
			if (set[i]) {
				members++;
				for (int child : index.allChildren(i)) {
					if (set[child]) {
						waiting[i]++;
					}
				}
			}
		}
		int[] tips = new int[members];
		int tipCount = 0;
		for (int i = 0; i < size; i++) {
			if (set[i] && waiting[i] == 0) {
				tips[tipCount++] = i;
			}
		}
		int[] order = new int[members];
		int emitted = 0;
		int[] stack = new int[size];
		for (int t = 0; t < tipCount; t++) {
			int tip = tips[t];
			int top = 0;
			stack[top++] = tip;
			while (top > 0) {
				int current = stack[--top];
				order[emitted++] = current;
				int[] parents = index.allParents(current);
				for (int p = parents.length - 1; p >= 0; p--) {
					int parent = parents[p];
					if (set[parent] && --waiting[parent] == 0) {
						stack[top++] = parent;
					}
				}
			}
		}
		return order;
	}

	/** The marked revisions, oldest first: the reverse of {@link #newestFirst}. */
	static int[] oldestFirst(RevisionIndex index, boolean[] set) {
		int[] order = newestFirst(index, set);
		for (int i = 0, j = order.length - 1; i < j; i++, j--) {
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

}
