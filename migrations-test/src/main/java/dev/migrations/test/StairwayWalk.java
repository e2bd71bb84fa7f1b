package dev.migrations.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.catalog.CatalogDifference;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;

/**
 * The stairway: every revision in upgrade order, each from a database holding exactly its
 * ancestors, goes up, down and up again, with the catalog read before the upgrade, after
 * it, after the downgrade and after the second upgrade. One walk serves {@code stairway}
 * and {@code downgradeLeavesNoTrace}: each revision costs two upgrades and one downgrade.
 * Between revisions the database is brought to the next revision's ancestors by a
 * downgrade that takes down exactly what is not among them, or, when no downgrade can (an
 * irreversible or skipped revision, or a failure left the database unknown), by replaying
 * them on a fresh database, or on PostgreSQL by a copy of a state walked before
 * ({@link StateTemplates}) and a replay of the rest.
 */
final class StairwayWalk implements AutoCloseable {

	private final KitContext context;

	private final StandardRevisionTests tests;

	private final boolean insertsData;

	private final RevisionGraph graph;

	private final List<RevisionNode> order;

	private final List<Outcome> outcomes = new ArrayList<>();

	private final Set<String> belowMinimum = new HashSet<>();

	private final StateTemplates templates;

	private RevisionRunner runner;

	private boolean dirty;

	StairwayWalk(KitContext context, StandardRevisionTests tests) {
		this.context = context;
		this.tests = tests;
		this.insertsData = DataHook.isDeclared(tests);
		this.runner = new RevisionRunner(context);
		this.graph = this.runner.graph();
		this.order = this.graph.planUpgrade(Set.of(), "heads").steps().stream().map(Step::revision).toList();
		String minimum = context.settings().minimumDowngradeRevision();
		if (!minimum.isEmpty()) {
			String id = this.runner.node(minimum).id();
			this.belowMinimum.add(id);
			this.belowMinimum.addAll(this.graph.ancestors(id));
		}
		this.templates = new StateTemplates(context, this.order, this.graph, predictReplays());
	}

	/**
	 * The walk indexes whose revision will start from a replay, with the revisions it
	 * needs, when no revision fails: after each revision the database holds it and its
	 * ancestors.
	 */
	private Map<Integer, Set<String>> predictReplays() {
		Map<Integer, Set<String>> replays = new HashMap<>();
		for (int index = 1; index < this.order.size(); index++) {
			String previous = this.order.get(index - 1).id();
			Set<String> applied = new HashSet<>(this.graph.ancestors(previous));
			applied.add(previous);
			Set<String> wanted = new HashSet<>(this.graph.ancestors(this.order.get(index).id()));
			if (!wanted.containsAll(applied) && downgradeTarget(applied, wanted) == null) {
				replays.put(index, wanted);
			}
		}
		return replays;
	}

	/** The revisions in the order the walk takes them. */
	List<RevisionNode> order() {
		return this.order;
	}

	/** The outcome of the walk's {@code index}th revision, walking up to it if needed. */
	synchronized Outcome outcome(int index) {
		while (this.outcomes.size() <= index) {
			int next = this.outcomes.size();
			this.outcomes.add(walk(next, this.order.get(next)));
			if (!this.dirty) {
				this.templates.afterWalk(next, this.runner);
			}
		}
		return this.outcomes.get(index);
	}

	private Outcome walk(int index, RevisionNode revision) {
		String id = revision.id();
		try {
			prepare(index, revision);
		}
		catch (RuntimeException ex) {
			this.dirty = true;
			return Outcome.failed(revision, Phase.PREPARE, ex);
		}
		if (this.context.skipped().contains(id)) {
			this.runner.upgradeTo(id);
			return Outcome.skipped(revision, "stamped, not run: listed in skipRevisions of @MigrationsTest");
		}
		try {
			this.tests.beforeRevision(id, this.runner);
		}
		catch (RuntimeException ex) {
			this.dirty = true;
			return Outcome.failed(revision, Phase.DATA, ex);
		}
		Catalog before = this.runner.catalog();
		try {
			this.runner.migrator().upgrade(id);
		}
		catch (RuntimeException ex) {
			this.dirty = true;
			return Outcome.failed(revision, Phase.UPGRADE, ex);
		}
		if (!revision.reversible()) {
			return Outcome.skipped(revision, "irreversible: " + id
					+ " has no downgrade section, so the walk tests its upgrade only and never goes down through it");
		}
		if (this.belowMinimum.contains(id)) {
			return Outcome.skipped(revision, "at or below minimumDowngradeRevision "
					+ this.context.settings().minimumDowngradeRevision() + " of @MigrationsTest: upgrade tested only");
		}
		Catalog up = this.runner.catalog();
		try {
			this.runner.migrator().downgrade("-1");
		}
		catch (RuntimeException ex) {
			this.dirty = true;
			return Outcome.failed(revision, Phase.DOWNGRADE, ex);
		}
		List<CatalogDifference> trace = Catalog.differences(before, this.runner.catalog());
		try {
			this.runner.migrator().upgrade(id);
		}
		catch (RuntimeException ex) {
			this.dirty = true;
			return new Outcome(revision, null, Phase.SECOND_UPGRADE, ex, trace, List.of());
		}
		List<CatalogDifference> changed = Catalog.differences(up, this.runner.catalog());
		if (!trace.isEmpty() || !changed.isEmpty()) {
			this.dirty = true;
		}
		return new Outcome(revision, null, null, null, trace, changed);
	}

	/** Brings the database to exactly the revision's ancestors. */
	private void prepare(int index, RevisionNode revision) {
		Set<String> wanted = new HashSet<>(this.graph.ancestors(revision.id()));
		Set<String> applied = this.dirty ? Set.of() : this.runner.applied();
		Set<String> held = null;
		if (this.dirty || !wanted.containsAll(applied)) {
			String target = this.dirty ? null : downgradeTarget(applied, wanted);
			if (target != null) {
				this.runner.downgradeTo(target);
			}
			else {
				this.runner.close();
				StateTemplates.Restored restored = this.templates.restore(index, wanted);
				this.runner = (restored != null) ? restored.runner() : new RevisionRunner(this.context);
				held = (restored != null) ? restored.state() : Set.of();
			}
			this.dirty = false;
		}
		if (this.insertsData && held != null) {
			// replayed, the ancestors not in the template meet their data as they did the
			// first time
			for (RevisionNode ancestor : this.order) {
				if (wanted.contains(ancestor.id()) && !held.contains(ancestor.id())) {
					if (!this.context.skipped().contains(ancestor.id())) {
						this.tests.beforeRevision(ancestor.id(), this.runner);
					}
					this.runner.upgradeTo(ancestor.id());
				}
			}
		}
		this.runner.upgradeBefore(revision.id());
	}

	/**
	 * A downgrade target that takes down exactly the applied revisions not wanted,
	 * through no irreversible or skipped revision; {@code null} when there is none.
	 */
	private @Nullable String downgradeTarget(Set<String> applied, Set<String> wanted) {
		Set<String> extra = new HashSet<>(applied);
		extra.removeAll(wanted);
		for (String id : extra) {
			RevisionNode node = this.graph.find(id).orElseThrow();
			if (!node.reversible() || this.context.skipped().contains(id)) {
				return null;
			}
		}
		List<String> candidates = new ArrayList<>(wanted);
		if (wanted.isEmpty()) {
			candidates.add("base");
		}
		for (String candidate : candidates) {
			Plan plan;
			try {
				plan = this.graph.planDowngrade(applied, candidate);
			}
			catch (RuntimeException ex) {
				continue;
			}
			Set<String> down = new HashSet<>();
			plan.steps().forEach((step) -> down.add(step.revision().id()));
			if (down.equals(extra)) {
				return candidate;
			}
		}
		return null;
	}

	/** The templates the walk forks states with. */
	StateTemplates templates() {
		return this.templates;
	}

	/**
	 * Drops the walk's database and its templates, the templates even when the first
	 * fails.
	 */
	@Override
	public synchronized void close() {
		try {
			this.runner.close();
		}
		finally {
			this.templates.close();
		}
	}

	/** Where a revision's walk stopped. */
	enum Phase {

		PREPARE("bringing the database to its parents"), DATA("inserting its data (beforeRevision)"),
		UPGRADE("its upgrade"), DOWNGRADE("its downgrade"), SECOND_UPGRADE("its upgrade after its downgrade");

		private final String words;

		Phase(String words) {
			this.words = words;
		}

		String words() {
			return this.words;
		}

	}

	/**
	 * What the walk found for one revision.
	 *
	 * @param revision the revision
	 * @param skipReason why its downgrade (or the revision) was not tested, else
	 * {@code null}
	 * @param failedPhase where it failed, else {@code null}
	 * @param failure the failure, else {@code null}
	 * @param trace what its downgrade left different from the catalog before its upgrade
	 * @param changed what its second upgrade made different from its first
	 */
	record Outcome(RevisionNode revision, @Nullable String skipReason, @Nullable Phase failedPhase,
			@Nullable RuntimeException failure, List<CatalogDifference> trace, List<CatalogDifference> changed) {

		static Outcome failed(RevisionNode revision, Phase phase, RuntimeException failure) {
			return new Outcome(revision, null, phase, failure, List.of(), List.of());
		}

		static Outcome skipped(RevisionNode revision, String reason) {
			return new Outcome(revision, reason, null, null, List.of(), List.of());
		}

	}

}
