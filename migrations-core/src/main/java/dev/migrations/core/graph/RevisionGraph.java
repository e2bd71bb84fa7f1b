package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated graph of revisions with Alembic's semantics: identifiers
 * resolved, heads derived, upgrade, downgrade and stamp plans made.
 * <p>
 * Every {@code applied} argument holds ids of revisions known to this graph; callers
 * separate ids the code does not know (a database ahead of the code) first. Plans refuse
 * an applied set that cannot come from the graph ({@link InconsistentHistoryException}).
 * <p>
 * Identifiers: {@code head}, {@code heads}, {@code base}, full ids, unique prefixes of at
 * least 4 characters, branch labels, {@code +N}, {@code -N}, {@code <rev>+N},
 * {@code <rev>-N}, {@code <label>@head}, {@code <label>@heads}, {@code <label>@base},
 * {@code <label>@+N}, {@code <label>@-N}, {@code <rev>@head}, {@code <label>@<rev>} and
 * {@code current} (the current heads).
 */
public final class RevisionGraph {

	private final RevisionIndex index;

	private final RevisionResolver resolver;

	private final Planner planner;

	private RevisionGraph(RevisionIndex index) {
		this.index = index;
		this.resolver = new RevisionResolver(index);
		this.planner = new Planner(index, this.resolver);
	}

	/**
	 * Builds and validates a graph; the list's order is the load order, the tie-break
	 * wherever the graph leaves a choice.
	 * @throws RevisionGraphException when ids or labels are invalid or duplicated, a
	 * reference names nothing, or revisions form a cycle
	 */
	public static RevisionGraph of(List<RevisionNode> revisions) {
		return new RevisionGraph(RevisionIndexBuilder.build(revisions));
	}

	/** The indexed form, for the package's views of the graph. */
	RevisionIndex index() {
		return this.index;
	}

	/** All revisions in load order. */
	public List<RevisionNode> revisions() {
		return this.index.nodes();
	}

	public Optional<RevisionNode> find(String id) {
		Integer found = this.index.indexOf(id);
		return (found != null) ? Optional.of(this.index.node(found)) : Optional.empty();
	}

	/**
	 * Revisions nothing else descends from through {@code down_revision}, in load order
	 * (Alembic's {@code heads}). A head that another revision only depends on is still a
	 * head here, but not a current head once that revision is applied.
	 */
	public List<String> heads() {
		return this.index.ids(this.index.heads());
	}

	/**
	 * Heads that no revision depends on either, in load order: the current heads of a
	 * fully upgraded database. A head of {@link #heads()} missing here is what Alembic
	 * shows as an "effective head".
	 */
	public List<String> realHeads() {
		return this.index.ids(this.resolver.currentHeads(all()));
	}

	/** Revisions without parents, in load order. */
	public List<String> bases() {
		return this.index.ids(this.index.bases());
	}

	/**
	 * The heads of an applied set: applied revisions no applied revision descends from
	 * through {@code down_revision} or {@code depends_on}, in load order. These are what
	 * Alembic keeps in its version table.
	 */
	public List<String> currentHeads(Set<String> applied) {
		return this.index.ids(this.resolver.currentHeads(marks(applied)));
	}

	/**
	 * The steps that upgrade {@code applied} to {@code target} ({@code heads}, an id,
	 * {@code +2}, ...): every ancestor of the target not applied yet, oldest first.
	 */
	public Plan planUpgrade(Set<String> applied, String target) {
		return this.planner.upgrade(marks(applied), target);
	}

	/**
	 * The steps that downgrade {@code applied} to {@code target} ({@code -1},
	 * {@code base}, an id, ...): every applied revision above the target, newest first.
	 * @throws IrreversibleRevisionException when a step has no downgrade
	 */
	public Plan planDowngrade(Set<String> applied, String target) {
		return this.planner.downgrade(marks(applied), target);
	}

	/**
	 * What stamping {@code applied} at {@code targets} marks and unmarks. Without
	 * {@code purge}, branches the targets do not touch keep their state; with it, the
	 * result is exactly the targets and their ancestors. Works on an inconsistent applied
	 * set too, to repair it.
	 */
	public StampPlan planStamp(Set<String> applied, List<String> targets, boolean purge) {
		return this.planner.stamp(marks(applied), targets, purge);
	}

	/**
	 * The revisions an identifier names, in load order; empty for {@code base}. Relative
	 * identifiers without a revision ({@code -1}, {@code label@+2}) start at the current
	 * heads of {@code applied}; {@code current} names those heads. {@code heads} names
	 * the {@link #realHeads() real heads}, as Alembic resolves it: the same revisions to
	 * upgrade to as all of {@link #heads()}.
	 * @throws RevisionGraphException when the identifier names nothing, several heads
	 * where one is asked for, or a walk that cannot be made
	 */
	public List<String> resolve(String identifier, Set<String> applied) {
		int[] resolved = this.resolver.resolve(identifier, marks(applied));
		Arrays.sort(resolved);
		return this.index.ids(resolved);
	}

	/**
	 * The revisions of a history range {@code [start]:[end]} (each side any identifier,
	 * including {@code current}; an empty start is {@code base}, an empty end
	 * {@code heads}), newest first. The range holds the end and its ancestors (through
	 * {@code depends_on} too) that are the start or descend from it; a start of
	 * {@code <label>@base} is the lowest revision of that branch. {@code null} or empty
	 * means all revisions.
	 */
	public List<RevisionNode> history(@Nullable String range, Set<String> applied) {
		boolean[] marks = marks(applied);
		if (range == null || range.isEmpty()) {
			boolean[] all = all();
			return nodes(TopologicalWalk.newestFirst(this.index, all, this.resolver.currentHeads(all)));
		}
		int colon = range.indexOf(':');
		if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
			throw new InvalidRangeException(range, "a history range is [start]:[end], [start]: or :[end]");
		}
		String start = range.substring(0, colon);
		String end = range.substring(colon + 1);
		int[] ends = this.resolver.resolve(end.isEmpty() ? "heads" : end, marks);
		boolean[] selected = this.index.ancestors(ends, true);
		if (!start.isEmpty()) {
			int[] starts = this.resolver.historyStart(start, marks);
			for (int first : starts) {
				if (!selected[first]) {
					throw new InvalidRangeException(range,
							"revision " + this.index.id(first) + " is not an ancestor of "
									+ ((ends.length > 0) ? String.join(", ", this.index.ids(ends)) : "base")
									+ "; put the older revision first");
				}
			}
			if (starts.length > 0) {
				boolean[] above = this.index.descendants(starts, false);
				for (int i = 0; i < selected.length; i++) {
					selected[i] &= above[i];
				}
			}
		}
		return nodes(TopologicalWalk.newestFirst(this.index, selected, ends));
	}

	/**
	 * Branch labels of a revision, declared or propagated: to its descendants, and down
	 * to the preceding branch or merge point, as in Alembic.
	 */
	public Set<String> branchLabels(String id) {
		return this.index.labels(require(id));
	}

	/** Revisions more than one revision follows through {@code down_revision}. */
	public List<String> branchPoints() {
		List<String> points = new ArrayList<>();
		for (int i = 0; i < this.index.size(); i++) {
			if (this.index.isBranchPoint(i)) {
				points.add(this.index.id(i));
			}
		}
		return Collections.unmodifiableList(points);
	}

	/** Revisions with several {@code down_revision}s. */
	public List<String> mergePoints() {
		List<String> points = new ArrayList<>();
		for (int i = 0; i < this.index.size(); i++) {
			if (this.index.isMergePoint(i)) {
				points.add(this.index.id(i));
			}
		}
		return Collections.unmodifiableList(points);
	}

	/**
	 * Revisions following {@code id} through {@code down_revision} or {@code depends_on}.
	 */
	public List<String> descendants(String id) {
		boolean[] marks = this.index.descendants(new int[] { require(id) }, true);
		marks[require(id)] = false;
		return this.index.ids(RevisionIndex.marked(marks));
	}

	/**
	 * Revisions {@code id} needs, through {@code down_revision} or {@code depends_on}.
	 */
	public List<String> ancestors(String id) {
		boolean[] marks = this.index.ancestors(new int[] { require(id) }, true);
		marks[require(id)] = false;
		return this.index.ids(RevisionIndex.marked(marks));
	}

	/**
	 * Revisions that are not applied although revisions above them are, each with those
	 * revisions; empty when the applied set can come from this graph.
	 */
	public Map<String, List<String>> missingBelowApplied(Set<String> applied) {
		return this.planner.missing(marks(applied));
	}

	/**
	 * The {@link #currentHeads current heads} once {@code id} is applied, from
	 * {@code heads}, the current heads of the revisions {@code applied} tells: its
	 * parents stop being heads and it becomes one. Takes only the heads and the
	 * revision's parents and children, where {@link #currentHeads} takes every applied
	 * revision.
	 * @return empty when an applied revision descends from {@code id} (compute the heads
	 * afresh then)
	 */
	public Optional<List<String>> currentHeadsAfterUpgrade(List<String> heads, Predicate<String> applied, String id) {
		int revision = require(id);
		if (anyApplied(this.index.allChildren(revision), -1, applied)) {
			return Optional.empty();
		}
		int[] parents = this.index.allParents(revision);
		List<Integer> after = new ArrayList<>(heads.size() + 1);
		for (String head : heads) {
			int index = require(head);
			if (!contains(parents, index)) {
				after.add(index);
			}
		}
		after.add(revision);
		return Optional.of(sortedIds(after));
	}

	/**
	 * The {@link #currentHeads current heads} once the head {@code id} is unapplied, from
	 * {@code heads}, the current heads of the revisions {@code applied} tells: each of
	 * its applied parents that no other applied revision descends from becomes a head
	 * again.
	 * @return empty when {@code id} is not one of {@code heads} (compute the heads afresh
	 * then)
	 */
	public Optional<List<String>> currentHeadsAfterDowngrade(List<String> heads, Predicate<String> applied, String id) {
		int revision = require(id);
		if (!heads.contains(id)) {
			return Optional.empty();
		}
		List<Integer> after = new ArrayList<>(heads.size() + 1);
		for (String head : heads) {
			if (!head.equals(id)) {
				after.add(require(head));
			}
		}
		for (int parent : this.index.allParents(revision)) {
			if (applied.test(this.index.id(parent)) && !after.contains(parent)
					&& !anyApplied(this.index.allChildren(parent), revision, applied)) {
				after.add(parent);
			}
		}
		return Optional.of(sortedIds(after));
	}

	private boolean anyApplied(int[] revisions, int except, Predicate<String> applied) {
		for (int revision : revisions) {
			if (revision != except && applied.test(this.index.id(revision))) {
				return true;
			}
		}
		return false;
	}

	private static boolean contains(int[] values, int value) {
		for (int each : values) {
			if (each == value) {
				return true;
			}
		}
		return false;
	}

	/** Ids in load order. */
	private List<String> sortedIds(List<Integer> indexes) {
		int[] sorted = indexes.stream().mapToInt(Integer::intValue).sorted().toArray();
		return this.index.ids(sorted);
	}

	/**
	 * Refuses an applied set with a revision not applied below an applied one.
	 * @throws InconsistentHistoryException naming the missing revisions
	 */
	public void checkConsistent(Set<String> applied) {
		this.planner.checkConsistent(marks(applied));
	}

	private int require(String id) {
		Integer found = this.index.indexOf(id);
		if (found == null) {
			throw RevisionNotFoundException.unknown(id, id);
		}
		return found;
	}

	private boolean[] marks(Set<String> applied) {
		boolean[] marks = new boolean[this.index.size()];
		for (String id : applied) {
			Integer found = this.index.indexOf(id);
			if (found == null) {
				throw new IllegalArgumentException(
						"Applied revision " + id + " is not in the graph; separate unknown revisions first");
			}
			marks[found] = true;
		}
		return marks;
	}

	private boolean[] all() {
		boolean[] marks = new boolean[this.index.size()];
		Arrays.fill(marks, true);
		return marks;
	}

	private List<RevisionNode> nodes(int[] order) {
		List<RevisionNode> nodes = new ArrayList<>(order.length);
		for (int revision : order) {
			nodes.add(this.index.node(revision));
		}
		return Collections.unmodifiableList(nodes);
	}

}
