package dev.migrations.core.internal.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;

/**
 * The revisions a database has applied, each with its recorded parents, followed step by
 * step. Its heads are the graph's current heads of the revisions the code knows (through
 * {@code down_revision} and {@code depends_on}), without those a revision unknown to the
 * code names as parent, followed by the unknown revisions no applied revision names as
 * parent (their parents are recorded, so a database ahead of the code still has heads).
 */
public final class AppliedSet {

	private final Map<String, List<String>> parents = new LinkedHashMap<>();

	private final @Nullable RevisionGraph graph;

	/**
	 * Whether every applied revision is in the graph: only then are the heads after a
	 * step derived from the heads before it.
	 */
	private final boolean allKnown;

	/**
	 * The heads, computed once for each state ({@link #apply} clears them): a run asks
	 * for them before and after every step, and computing them takes every applied
	 * revision.
	 */
	private @Nullable List<String> heads;

	/**
	 * @param parents applied revision ids with their parents, in the order applied
	 * @param graph the code's graph; {@code null} to derive heads from the recorded
	 * parents alone
	 */
	public AppliedSet(Map<String, List<String>> parents, @Nullable RevisionGraph graph) {
		this.parents.putAll(parents);
		this.graph = graph;
		this.allKnown = graph != null && allIn(graph, parents.keySet());
	}

	private static boolean allIn(RevisionGraph graph, Set<String> ids) {
		for (String id : ids) {
			if (graph.find(id).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** An applied set deriving heads from the recorded parents alone. */
	public AppliedSet(Map<String, List<String>> parents) {
		this(parents, null);
	}

	public AppliedSet copy() {
		AppliedSet copy = new AppliedSet(this.parents, this.graph);
		copy.heads = this.heads;
		return copy;
	}

	/** The same kind of set with nothing applied. */
	public AppliedSet empty() {
		return new AppliedSet(Map.of(), this.graph);
	}

	/**
	 * The set a stamp leaves: this one (or, purging, an empty one) with the plan's
	 * revisions marked and unmarked. This set is unchanged.
	 */
	public AppliedSet afterStamp(StampPlan plan, boolean purge) {
		AppliedSet after = purge ? empty() : copy();
		plan.unmark().forEach((revision) -> after.apply(new Step(revision, Direction.DOWNGRADE)));
		plan.mark().forEach((revision) -> after.apply(new Step(revision, Direction.UPGRADE)));
		return after;
	}

	public void apply(Step step) {
		if (step.direction() == Direction.UPGRADE) {
			this.parents.put(step.revision().id(), step.revision().downRevisions());
		}
		else {
			this.parents.remove(step.revision().id());
		}
		this.heads = null;
	}

	/**
	 * Applies a step whose resulting heads are known (from {@link #headsAfter}).
	 */
	public void apply(Step step, List<String> headsAfter) {
		apply(step);
		this.heads = List.copyOf(headsAfter);
	}

	/**
	 * The heads once {@code step} is applied, leaving this set as it is. Where every
	 * applied revision is in the graph they are derived from the current heads (a run's
	 * step then costs the same whatever the number of applied revisions); otherwise an
	 * upgrade step is added and removed again rather than applied to a copy of every
	 * applied revision.
	 */
	public List<String> headsAfter(Step step) {
		String id = step.revision().id();
		if (this.allKnown && this.graph != null) {
			boolean upgrade = step.direction() == Direction.UPGRADE;
			if (upgrade != this.parents.containsKey(id)) {
				Optional<List<String>> after = upgrade
						? this.graph.currentHeadsAfterUpgrade(heads(), this.parents::containsKey, id)
						: this.graph.currentHeadsAfterDowngrade(heads(), this.parents::containsKey, id);
				if (after.isPresent()) {
					return after.get();
				}
			}
		}
		if (step.direction() == Direction.UPGRADE && !this.parents.containsKey(id)) {
			List<String> before = this.heads;
			this.parents.put(id, step.revision().downRevisions());
			try {
				return List.copyOf(computeHeads());
			}
			finally {
				this.parents.remove(id);
				this.heads = before;
			}
		}
		AppliedSet after = copy();
		after.apply(step);
		return after.heads();
	}

	public boolean contains(String id) {
		return this.parents.containsKey(id);
	}

	public Set<String> ids() {
		return Set.copyOf(this.parents.keySet());
	}

	/** The current heads: known ones in the graph's order, then unknown ones. */
	public List<String> heads() {
		List<String> heads = this.heads;
		if (heads == null) {
			heads = List.copyOf(computeHeads());
			this.heads = heads;
		}
		return heads;
	}

	private List<String> computeHeads() {
		if (this.allKnown && this.graph != null) {
			return this.graph.currentHeads(this.parents.keySet());
		}
		Set<String> named = new HashSet<>();
		this.parents.values().forEach(named::addAll);
		if (this.graph == null) {
			return this.parents.keySet().stream().filter((id) -> !named.contains(id)).toList();
		}
		RevisionGraph graph = this.graph;
		Set<String> known = new HashSet<>();
		Set<String> namedByUnknown = new HashSet<>();
		List<String> unknownHeads = new ArrayList<>();
		this.parents.forEach((id, parents) -> {
			if (graph.find(id).isPresent()) {
				known.add(id);
			}
			else {
				namedByUnknown.addAll(parents);
				if (!named.contains(id)) {
					unknownHeads.add(id);
				}
			}
		});
		List<String> heads = new ArrayList<>();
		graph.currentHeads(known).stream().filter((id) -> !namedByUnknown.contains(id)).forEach(heads::add);
		heads.addAll(unknownHeads);
		return heads;
	}

}
