package dev.migrations.core.graph;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated graph of revisions with Alembic's semantics: identifiers
 * resolved, heads derived, upgrade, downgrade and stamp plans made.
 * <p>
 * Every {@code applied} argument holds ids of revisions known to this graph; callers
 * separate ids the code does not know (a database ahead of the code) first.
 */
public final class RevisionGraph {

	private RevisionGraph() {
	}

	/**
	 * Builds and validates a graph; the list's order is the load order, the tie-break
	 * wherever the graph leaves a choice.
	 */
	public static RevisionGraph of(List<RevisionNode> revisions) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** All revisions in load order. */
	public List<RevisionNode> revisions() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	public Optional<RevisionNode> find(String id) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Revisions nothing else descends from, in load order. */
	public List<String> heads() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Revisions without parents, in load order. */
	public List<String> bases() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * The heads of an applied set: applied revisions no applied revision descends from.
	 */
	public List<String> currentHeads(Set<String> applied) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * The steps that upgrade {@code applied} to {@code target} ({@code heads}, an id,
	 * {@code +2}, ...).
	 */
	public Plan planUpgrade(Set<String> applied, String target) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * The steps that downgrade {@code applied} to {@code target} ({@code -1},
	 * {@code base}, an id, ...).
	 */
	public Plan planDowngrade(Set<String> applied, String target) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** What stamping {@code applied} at {@code targets} marks and unmarks. */
	public StampPlan planStamp(Set<String> applied, List<String> targets, boolean purge) {
		throw new UnsupportedOperationException("not implemented yet");
	}

}
