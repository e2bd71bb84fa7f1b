package dev.migrations.core.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Step;

/**
 * The revisions a database has applied, each with its recorded parents, followed step by
 * step; its heads are the applied revisions no applied revision names as parent. Works
 * for revisions the code does not know, since their parents are recorded.
 */
public final class AppliedSet {

	private final Map<String, List<String>> parents = new LinkedHashMap<>();

	/**
	 * @param parents applied revision ids with their parents, in the order applied
	 */
	public AppliedSet(Map<String, List<String>> parents) {
		this.parents.putAll(parents);
	}

	public AppliedSet copy() {
		return new AppliedSet(this.parents);
	}

	public void apply(Step step) {
		if (step.direction() == Direction.UPGRADE) {
			this.parents.put(step.revision().id(), step.revision().downRevisions());
		}
		else {
			this.parents.remove(step.revision().id());
		}
	}

	public boolean contains(String id) {
		return this.parents.containsKey(id);
	}

	public Set<String> ids() {
		return Set.copyOf(this.parents.keySet());
	}

	/** The heads, in the order the revisions were applied. */
	public List<String> heads() {
		Set<String> named = new HashSet<>();
		this.parents.values().forEach(named::addAll);
		List<String> heads = new ArrayList<>();
		for (String id : this.parents.keySet()) {
			if (!named.contains(id)) {
				heads.add(id);
			}
		}
		return heads;
	}

}
