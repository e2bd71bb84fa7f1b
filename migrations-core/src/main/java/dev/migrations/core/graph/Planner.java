package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import dev.migrations.core.graph.RevisionResolver.DowngradeTarget;

/**
 * Makes upgrade, downgrade and stamp plans from an applied set and resolved targets.
 */
final class Planner {

	private final RevisionIndex index;

	private final RevisionResolver resolver;

	Planner(RevisionIndex index, RevisionResolver resolver) {
		this.index = index;
		this.resolver = resolver;
	}

	/** Every ancestor of the targets (through depends_on too) not applied yet. */
	Plan upgrade(boolean[] applied, String target) {
		checkConsistent(applied);
		int[] targets = this.resolver.upgradeTargets(target, applied);
		checkNoOverlap(targets);
		boolean[] needed = this.index.ancestors(targets, true);
		for (int i = 0; i < needed.length; i++) {
			needed[i] &= !applied[i];
		}
		return plan(Direction.UPGRADE, TopologicalWalk.oldestFirst(this.index, needed, targets));
	}

	/**
	 * Every applied revision above the target (restricted to the target's branch), their
	 * dependants first.
	 */
	Plan downgrade(boolean[] applied, String target) {
		checkConsistent(applied);
		DowngradeTarget destination = this.resolver.downgradeTarget(target, applied);
		int[] roots = roots(destination, applied);
		boolean[] removed = this.index.descendants(roots, true);
		for (int i = 0; i < removed.length; i++) {
			removed[i] &= applied[i];
		}
		int[] order = TopologicalWalk.newestFirst(this.index, removed, this.resolver.currentHeads(applied));
		List<RevisionNode> irreversible = new ArrayList<>();
		for (int revision : order) {
			if (!this.index.node(revision).reversible()) {
				irreversible.add(this.index.node(revision));
			}
		}
		if (!irreversible.isEmpty()) {
			throw new IrreversibleRevisionException(irreversible);
		}
		return plan(Direction.DOWNGRADE, order);
	}

	/**
	 * The lowest revisions to take down, as Alembic chooses them: the target's children,
	 * or every base for {@code base}; with a branch, only those of them below the
	 * branch's revision through {@code down_revision} when there are several. So
	 * {@code <label>@base} takes down the bases below the label (all of the graph when it
	 * has one base) and everything above them.
	 */
	private int[] roots(DowngradeTarget destination, boolean[] applied) {
		int target = destination.target();
		if (destination.takenDown()) {
			return new int[] { target };
		}
		int[] roots;
		if (target == RevisionIndex.BASE) {
			roots = this.index.bases();
		}
		else {
			if (!applied[target]) {
				throw new InvalidDowngradeTargetException(destination.argument(), currentHeads(applied),
						this.index.id(target) + " is not applied (current heads: " + describe(currentHeads(applied))
								+ "); run upgrade to move forward to it");
			}
			roots = this.index.children(target);
		}
		if (destination.scoped() && roots.length > 1) {
			boolean[] branch = this.index.ancestors(new int[] { destination.scope() }, false);
			roots = keep(roots, branch);
			if (roots.length == 0) {
				throw new InvalidDowngradeTargetException(destination.argument(), currentHeads(applied),
						"no revision above " + ((target != RevisionIndex.BASE) ? this.index.id(target) : "base")
								+ " belongs to branch '" + this.index.id(destination.scope())
								+ "'; name a revision of that branch");
			}
		}
		return roots;
	}

	/**
	 * Targets marked with their ancestors; without purge, other branches keep their state
	 * and what lies above a target is unmarked.
	 */
	StampPlan stamp(boolean[] applied, List<String> targets, boolean purge) {
		List<Integer> revisions = new ArrayList<>();
		boolean[] unmark = new boolean[this.index.size()];
		for (String target : targets) {
			Identifier identifier = this.resolver.parse(target);
			if (identifier.kind() == Identifier.Kind.BASE && !identifier.isRelative()) {
				int[] roots = (identifier.branch() != null)
						? new int[] { this.index.branchRoot(this.resolver.branch(identifier.branch(), target)) }
						: this.index.bases();
				or(unmark, this.index.descendants(roots, true));
				continue;
			}
			for (int revision : this.resolver.resolve(target, applied)) {
				revisions.add(revision);
			}
		}
		int[] resolved = revisions.stream().mapToInt(Integer::intValue).distinct().toArray();
		checkNoOverlap(resolved);
		boolean[] wanted = this.index.ancestors(resolved, true);
		if (purge) {
			for (int i = 0; i < unmark.length; i++) {
				unmark[i] = !wanted[i];
			}
		}
		else {
			or(unmark, this.index.descendants(children(resolved), true));
		}
		List<RevisionNode> marked = new ArrayList<>();
		List<RevisionNode> unmarked = new ArrayList<>();
		for (int revision : byPosition(this.index.size(), (i) -> wanted[i] && !applied[i])) {
			marked.add(this.index.node(revision));
		}
		int[] removed = byPosition(this.index.size(), (i) -> unmark[i] && applied[i] && !wanted[i]);
		for (int i = removed.length - 1; i >= 0; i--) {
			unmarked.add(this.index.node(removed[i]));
		}
		return new StampPlan(marked, unmarked);
	}

	/**
	 * The selected revisions in the graph's fixed topological order: the order stamps
	 * use, where the selection need not be connected.
	 */
	private int[] byPosition(int size, IntPredicate selected) {
		return IntStream.range(0, size)
			.filter(selected)
			.boxed()
			.sorted(Comparator.comparingInt(this.index::topologicalPosition))
			.mapToInt(Integer::intValue)
			.toArray();
	}

	/** The children of the revisions, through down_revision and depends_on. */
	private int[] children(int[] revisions) {
		return Arrays.stream(revisions)
			.flatMap((revision) -> Arrays.stream(this.index.allChildren(revision)))
			.toArray();
	}

	/** Refuses targets of which one is an ancestor of another. */
	private void checkNoOverlap(int[] targets) {
		if (targets.length < 2) {
			return;
		}
		boolean[] strictlyAbove = this.index.descendants(children(targets), true);
		if (Arrays.stream(targets).noneMatch((target) -> strictlyAbove[target])) {
			return;
		}
		for (int target : targets) {
			boolean[] above = this.index.descendants(new int[] { target }, true);
			List<String> overlapping = new ArrayList<>();
			for (int other : targets) {
				if (other != target && above[other]) {
					overlapping.add(this.index.id(other));
				}
			}
			if (!overlapping.isEmpty()) {
				throw new OverlappingTargetsException(this.index.id(target), overlapping);
			}
		}
	}

	/** Refuses an applied set with a revision applied above one that is not. */
	void checkConsistent(boolean[] applied) {
		Map<String, List<String>> missing = missing(applied);
		if (!missing.isEmpty()) {
			throw new InconsistentHistoryException(missing);
		}
	}

	/** Pending revisions with applied children, each with those children. */
	Map<String, List<String>> missing(boolean[] applied) {
		Map<Integer, List<String>> missing = new TreeMap<>();
		for (int i = 0; i < applied.length; i++) {
			if (applied[i]) {
				for (int parent : this.index.allParents(i)) {
					if (!applied[parent]) {
						missing.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(this.index.id(i));
					}
				}
			}
		}
		Map<String, List<String>> byId = new LinkedHashMap<>();
		missing.forEach((parent, children) -> byId.put(this.index.id(parent), List.copyOf(children)));
		return byId;
	}

	private List<String> currentHeads(boolean[] applied) {
		return this.index.ids(this.resolver.currentHeads(applied));
	}

	private String describe(List<String> heads) {
		return heads.isEmpty() ? "none" : String.join(", ", heads);
	}

	private Plan plan(Direction direction, int[] order) {
		List<Step> steps = new ArrayList<>(order.length);
		for (int revision : order) {
			steps.add(new Step(this.index.node(revision), direction));
		}
		return new Plan(direction, steps);
	}

	private static int[] keep(int[] revisions, boolean[] marks) {
		return Arrays.stream(revisions).filter((revision) -> marks[revision]).toArray();
	}

	private static void or(boolean[] into, boolean[] marks) {
		for (int i = 0; i < into.length; i++) {
			into[i] |= marks[i];
		}
	}

}
