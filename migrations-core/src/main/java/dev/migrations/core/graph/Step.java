package dev.migrations.core.graph;

import java.util.List;

/**
 * Running one revision in one direction.
 *
 * @param revision the revision run
 * @param direction upgrade or downgrade
 */
public record Step(RevisionNode revision, Direction direction) {

	/**
	 * The heads this step leaves: its parents for an upgrade, the revision for a
	 * downgrade.
	 */
	public List<String> from() {
		return (this.direction == Direction.UPGRADE) ? this.revision.downRevisions() : List.of(this.revision.id());
	}

	/** The heads this step reaches. */
	public List<String> to() {
		return (this.direction == Direction.UPGRADE) ? List.of(this.revision.id()) : this.revision.downRevisions();
	}

}
