package dev.migrations.core.graph;

import java.util.List;
import java.util.Locale;

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

	/** The step that undoes this one: the same revision in the other direction. */
	public Step reversed() {
		return new Step(this.revision, (this.direction == Direction.UPGRADE) ? Direction.DOWNGRADE : Direction.UPGRADE);
	}

	/**
	 * Alembic's line for this step, {@code Running upgrade A -> B, message}: a base shows
	 * nothing before the arrow, a merge {@code a, b -> c}. The log of a run and the
	 * comments of offline SQL use it.
	 */
	public String describe() {
		return "Running " + this.direction.name().toLowerCase(Locale.ROOT) + " " + String.join(", ", from()) + " -> "
				+ String.join(", ", to()) + ", " + this.revision.message();
	}

}
