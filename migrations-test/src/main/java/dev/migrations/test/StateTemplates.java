package dev.migrations.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.test.database.ScratchDatabase;

/**
 * Copies of the states the stairway walk will need again, so that a revision whose
 * ancestors no downgrade can reach starts from a copy ({@code CREATE DATABASE ...
 * TEMPLATE}) instead of a replay of them on a fresh database. On PostgreSQL only.
 * <p>
 * The walk is known before it starts: after each revision the database holds that
 * revision and its ancestors, and the revisions that will need a replay are those the
 * walk cannot downgrade to. For each of them the largest such state among the revisions
 * walked before it, if it holds at least {@value #MIN_REVISIONS_SAVED} revisions, is
 * copied right after that revision's walk. A restore copies it again, or, at its last
 * planned use, takes the template itself as the walk's database. So the walk makes as
 * many databases as it would replaying, each a copy instead of an empty database, and
 * runs fewer upgrades; templates are dropped when no planned use is left and when the
 * walk closes.
 */
final class StateTemplates implements AutoCloseable {

	/**
	 * The fewest revisions a template must save a replay. A copy costs more than an empty
	 * database, more as the schema grows; measured on the loaded 2-core machine
	 * (PostgreSQL 15, fsync on), five rounds each, one table and one index a revision: a
	 * fresh database and an upgrade of 5 revisions took 0.3 to 0.9 s, a copy of a
	 * database holding them 0.5 to 0.9 s; of 40 revisions 1.4 to 2.9 s, and their copy
	 * 0.8 to 1.4 s. Below about five revisions the copy does not pay.
	 */
	static final int MIN_REVISIONS_SAVED = 5;

	private final KitContext context;

	private final List<Set<String>> states;

	/**
	 * For each walk index after which a template is taken, the last index that uses it.
	 */
	private final Map<Integer, Integer> lastUse = new HashMap<>();

	private final Map<Integer, Template> templates = new LinkedHashMap<>();

	private final List<String> names = new ArrayList<>();

	private int restores;

	/**
	 * Plans the templates of a walk.
	 * @param context the test class's kit
	 * @param order the revisions in the order of the walk
	 * @param graph their graph
	 * @param replays for each walk index that will replay, the revisions it needs
	 */
	StateTemplates(KitContext context, List<RevisionNode> order, RevisionGraph graph,
			Map<Integer, Set<String>> replays) {
		this.context = context;
		this.states = order.stream().map((revision) -> {
			Set<String> state = new HashSet<>(graph.ancestors(revision.id()));
			state.add(revision.id());
			return Set.copyOf(state);
		}).toList();
		if (!context.forksWithTemplates()) {
			return;
		}
		replays.forEach((index, wanted) -> {
			int source = -1;
			for (int candidate = 0; candidate < index; candidate++) {
				if (wanted.containsAll(this.states.get(candidate))
						&& (source < 0 || this.states.get(candidate).size() >= this.states.get(source).size())) {
					source = candidate;
				}
			}
			if (source >= 0 && this.states.get(source).size() >= MIN_REVISIONS_SAVED) {
				this.lastUse.merge(source, index, Math::max);
			}
		});
	}

	/**
	 * Takes the template planned after the walk of revision {@code index}, when one is,
	 * from the runner's database (which must have no open session). A template that
	 * cannot be made is left out: the walk replays instead.
	 */
	void afterWalk(int index, RevisionRunner runner) {
		Integer last = this.lastUse.get(index);
		if (last == null || this.templates.containsKey(index)) {
			return;
		}
		try {
			ScratchDatabase copy = this.context.copyDatabase(runner.database(), "template");
			this.names.add(copy.name());
			this.templates.put(index, new Template(copy, this.states.get(index), last));
		}
		catch (SQLException ex) {
			this.lastUse.remove(index);
		}
	}

	/**
	 * A runner on a copy of the largest template holding only revisions of
	 * {@code wanted}, for the walk of revision {@code index}; {@code null} when there is
	 * none (the walk replays on a fresh database). Templates whose planned uses are past
	 * are dropped.
	 */
	@Nullable Restored restore(int index, Set<String> wanted) {
		Template best = null;
		for (Template template : this.templates.values()) {
			if (wanted.containsAll(template.state())
					&& (best == null || template.state().size() > best.state().size())) {
				best = template;
			}
		}
		RevisionRunner runner = null;
		if (best != null) {
			this.restores++;
			if (index >= best.lastUse()) {
				this.templates.values().remove(best);
				runner = new RevisionRunner(this.context, best.database());
			}
			else {
				try {
					runner = new RevisionRunner(this.context, this.context.copyDatabase(best.database(), "fork"));
				}
				catch (SQLException ex) {
					throw new DatabaseAccessException("copy the template " + best.database().name(), ex);
				}
			}
		}
		dropUnused(index);
		return (runner != null) ? new Restored(runner, best.state()) : null;
	}

	private void dropUnused(int index) {
		for (Iterator<Template> templates = this.templates.values().iterator(); templates.hasNext();) {
			Template template = templates.next();
			if (template.lastUse() <= index) {
				templates.remove();
				drop(template);
			}
		}
	}

	/** How many walks started from a template. */
	int restores() {
		return this.restores;
	}

	/** The names of every template made. */
	List<String> names() {
		return List.copyOf(this.names);
	}

	/** Drops the templates left, each even when dropping another failed. */
	@Override
	public void close() {
		List<Template> left = new ArrayList<>(this.templates.values());
		this.templates.clear();
		RuntimeException failure = null;
		for (Template template : left) {
			try {
				drop(template);
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private void drop(Template template) {
		try {
			this.context.drop(template.database());
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("drop the template " + template.database().name(), ex);
		}
	}

	/** A template: its database and the revisions it holds. */
	private record Template(ScratchDatabase database, Set<String> state, int lastUse) {
	}

	/**
	 * A runner on a database restored from a template.
	 *
	 * @param runner the runner
	 * @param state the revisions its database holds
	 */
	record Restored(RevisionRunner runner, Set<String> state) {
	}

}
