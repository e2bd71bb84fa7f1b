package dev.migrations.core.internal.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;

/**
 * The revisions of one {@code Migrator}, loaded once: the scripts in load order, their
 * graph, and each as it runs, by id.
 */
public final class RevisionSet {

	private final List<RevisionScript> scripts;

	private final RevisionGraph graph;

	private final Map<String, ExecutableRevision> executables;

	private volatile @Nullable Map<String, RevisionScript> scriptsById;

	public RevisionSet(List<RevisionScript> scripts) {
		this.scripts = List.copyOf(scripts);
		List<RevisionNode> nodes = new ArrayList<>(this.scripts.size());
		for (RevisionScript script : this.scripts) {
			nodes.add(script.node());
		}
		this.graph = RevisionGraph.of(nodes);
		Map<String, ExecutableRevision> byId = new LinkedHashMap<>();
		for (RevisionScript script : this.scripts) {
			byId.put(script.id(), ExecutableRevision.of(script));
		}
		this.executables = Collections.unmodifiableMap(byId);
	}

	/**
	 * {@linkplain SqlRevisionScript#checkStatements Checks the statements} of the SQL
	 * revisions {@code plan} runs, before any of them runs.
	 * @param syntax the syntax of the database they run on; {@code null} when not known
	 */
	public void checkStatements(Plan plan, @Nullable SqlSyntax syntax) {
		if (plan.isEmpty()) {
			return;
		}
		Map<String, RevisionScript> byId = scriptsById();
		ReadBuffer buffer = new ReadBuffer();
		for (Step step : plan.steps()) {
			if (byId.get(step.revision().id()) instanceof SqlRevisionScript sql) {
				sql.checkStatements(syntax, buffer);
			}
		}
	}

	/**
	 * The scripts by id, made when a run first needs them (a start with nothing to do
	 * does not).
	 */
	private Map<String, RevisionScript> scriptsById() {
		Map<String, RevisionScript> byId = this.scriptsById;
		if (byId == null) {
			byId = new HashMap<>();
			for (RevisionScript script : this.scripts) {
				byId.put(script.id(), script);
			}
			this.scriptsById = byId;
		}
		return byId;
	}

	/** The scripts in load order. */
	public List<RevisionScript> scripts() {
		return this.scripts;
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	/** Each revision as it runs, by id, in load order. */
	public Map<String, ExecutableRevision> executables() {
		return this.executables;
	}

	/** Whether the code has a revision with this id. */
	public boolean contains(String id) {
		return this.executables.containsKey(id);
	}

	/** The checksum of each revision that has one, by id. */
	public Map<String, String> checksums() {
		Map<String, String> checksums = new HashMap<>();
		this.executables.values()
			.stream()
			.filter((revision) -> revision.checksum() != null)
			.forEach((revision) -> checksums.put(revision.id(), revision.checksum()));
		return checksums;
	}

}
