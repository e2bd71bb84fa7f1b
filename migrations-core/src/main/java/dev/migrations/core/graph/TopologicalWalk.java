package dev.migrations.core.graph;

import java.util.Arrays;

/**
 * Orders a set of revisions newest first exactly as Alembic (1.8) does
 * ({@code RevisionMap._topological_sort}): a downgrade runs this order, an upgrade its
 * reverse, {@code history} lists it.
 * <p>
 * The walk keeps a list of heads, at first the given ones in load order, and a position
 * in it. The head at the position is the candidate. While another head of the list still
 * has to pass it (the candidate is one of that head's ancestors), the position jumps to
 * the first such head. Otherwise the candidate is emitted and replaced by its first
 * parent not yet emitted nor in the list; its other such parents join the end of the
 * list; with no such parent it leaves the list and the position goes back by one. Parents
 * are taken as Alembic walks them ({@link RevisionIndex#walkParents}).
 * <p>
 * Alembic keeps the ancestors of every head of its list; here a revision is passed by
 * another head exactly when one of its children in the set is not emitted yet (a count
 * per revision), and only then are its descendants searched for the first head of the
 * list among them. Linear in the set and its relations, plus that search at each jump.
 */
final class TopologicalWalk {

	private TopologicalWalk() {
	}

	/**
	 * The marked revisions, newest first, walking down from {@code heads} (taken in load
	 * order, those outside the set left out). Revisions of the set that no given head
	 * reaches are walked from their own heads afterwards, in load order.
	 */
	static int[] newestFirst(RevisionIndex index, boolean[] set, int[] heads) {
		int size = index.size();
		boolean[] pending = set.clone();
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
		HeadList list = new HeadList(size);
		int[] starts = heads.clone();
		Arrays.sort(starts);
		for (int head : starts) {
			if (head >= 0 && pending[head] && !list.contains(head)) {
				list.add(head);
			}
		}
		int[] order = new int[members];
		int emitted = 0;
		int[] found = new int[size];
		int search = 0;
		while (emitted < members) {
			if (list.size() == 0) {
				for (int i = 0; i < size; i++) {
					if (pending[i] && waiting[i] == 0) {
						list.add(i);
					}
				}
			}
			int position = 0;
			while (list.size() > 0) {
				int candidate = list.get(position);
				if (waiting[candidate] > 0) {
					position = firstHeadAbove(index, candidate, position, list, pending, found, ++search);
					continue;
				}
				pending[candidate] = false;
				order[emitted++] = candidate;
				for (int parent : index.allParents(candidate)) {
					if (pending[parent]) {
						waiting[parent]--;
					}
				}
				boolean replaced = false;
				for (int parent : index.walkParents(candidate)) {
					if (pending[parent] && !list.contains(parent)) {
						if (!replaced) {
							list.set(position, parent);
							replaced = true;
						}
						else {
							list.add(parent);
						}
					}
				}
				if (!replaced) {
					list.remove(position);
					position = Math.max(position - 1, 0);
				}
			}
		}
		return order;
	}

	/** The marked revisions, oldest first: the reverse of {@link #newestFirst}. */
	static int[] oldestFirst(RevisionIndex index, boolean[] set, int[] heads) {
		int[] order = newestFirst(index, set, heads);
		for (int i = 0, j = order.length - 1; i < j; i++, j--) {
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	/**
	 * The position of the first head of the list, other than the one at {@code position},
	 * that {@code revision} is an ancestor of: found among the revisions above it not
	 * emitted yet, marked with {@code search} in {@code found}.
	 */
	private static int firstHeadAbove(RevisionIndex index, int revision, int position, HeadList list, boolean[] pending,
			int[] found, int search) {
		int[] stack = new int[8];
		int top = 0;
		stack[top++] = revision;
		while (top > 0) {
			int current = stack[--top];
			for (int child : index.allChildren(current)) {
				if (pending[child] && found[child] != search) {
					found[child] = search;
					if (top == stack.length) {
						stack = Arrays.copyOf(stack, top * 2);
					}
					stack[top++] = child;
				}
			}
		}
		for (int i = 0; i < list.size(); i++) {
			if (i != position && found[list.get(i)] == search) {
				return i;
			}
		}
		throw new IllegalStateException("revision " + index.id(revision) + " waits for a revision no head reaches");
	}

	/** The walk's list of heads, with a mark per revision for membership. */
	private static final class HeadList {

		private final int[] heads;

		private final boolean[] listed;

		private int size;

		HeadList(int capacity) {
			this.heads = new int[capacity];
			this.listed = new boolean[capacity];
		}

		int size() {
			return this.size;
		}

		int get(int position) {
			return this.heads[position];
		}

		boolean contains(int revision) {
			return this.listed[revision];
		}

		void add(int revision) {
			this.heads[this.size++] = revision;
			this.listed[revision] = true;
		}

		void set(int position, int revision) {
			this.listed[this.heads[position]] = false;
			this.heads[position] = revision;
			this.listed[revision] = true;
		}

		void remove(int position) {
			this.listed[this.heads[position]] = false;
			System.arraycopy(this.heads, position + 1, this.heads, position, this.size - position - 1);
			this.size--;
		}

	}

}
