package dev.migrations.core.graph;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two merge points of the same parents, as Alembic's {@code TwinMergeTest}: {@code a}
 * branches into {@code b1}, {@code b2}, {@code b3}; both {@code c1} and {@code c2} merge
 * all three; {@code d1} and {@code d2} follow.
 */
class TwinMergeTest {

	private final RevisionGraph graph = graph(rev("a", ""), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
			rev("c1", "b1, b2, b3"), rev("c2", "b1, b2, b3"), rev("d1", "c1"), rev("d2", "c2"));

	@Test
	void shape() {
		assertThat(this.graph.heads()).containsExactly("d1", "d2");
		assertThat(this.graph.branchPoints()).containsExactly("a", "b1", "b2", "b3");
		assertThat(this.graph.mergePoints()).containsExactly("c1", "c2");
	}

	@Test
	void upgradeToHeadsRunsTheSharedParentsOnceBeforeEitherMerge() {
		assertThat(upgrade(this.graph, applied("a"), "heads")).containsExactly("+b3 [b3]", "+b2 [b2, b3]",
				"+b1 [b1, b2, b3]", "+c2 [c2]", "+d2 [d2]", "+c1 [c1, d2]", "+d1 [d1, d2]");
	}

	@Test
	void upgradeOneMergeLeavesTheOtherPending() {
		assertThat(upgrade(this.graph, applied("a"), "d1")).containsExactly("+b3 [b3]", "+b2 [b2, b3]",
				"+b1 [b1, b2, b3]", "+c1 [c1]", "+d1 [d1]");
		assertThat(upgrade(this.graph, applied("a", "b1", "b2", "b3", "c1", "d1"), "d2"))
			.containsExactly("+c2 [c2, d1]", "+d2 [d1, d2]");
	}

	@Test
	void downgradeBelowBothMergesTakesBothDown() {
		assertThat(downgrade(this.graph, all(this.graph), "b1")).containsExactly("-d1 [c1, d2]", "-c1 [d2]", "-d2 [c2]",
				"-c2 [b1, b2, b3]");
		assertThat(downgrade(this.graph, all(this.graph), "a")).containsExactly("-d1 [c1, d2]", "-c1 [d2]", "-d2 [c2]",
				"-c2 [b1, b2, b3]", "-b1 [b2, b3]", "-b2 [b3]", "-b3 [a]");
	}

	@Test
	void downgradeOneMerge() {
		assertThat(downgrade(this.graph, all(this.graph), "d2@b1")).containsExactly("-d2 [c2, d1]", "-c2 [d1]");
	}

	/**
	 * Alembic's {@code NotQuiteTwinMergeTest}: {@code c1} merges {@code b1, b2},
	 * {@code c2} merges {@code b2, b3}. Alembic runs {@code b2} before {@code b3} (the
	 * order real Alembic 1.8.1 gives for these files, see {@code AlembicParityTests}).
	 */
	@Test
	void notQuiteTwinMergeRunsSiblingParentsAsAlembicDoes() {
		RevisionGraph notQuite = graph(rev("a", ""), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
				rev("c1", "b1, b2"), rev("c2", "b2, b3"), rev("d1", "c1"), rev("d2", "c2"));
		assertThat(upgrade(notQuite, applied("a"), "heads")).containsExactly("+b2 [b2]", "+b3 [b2, b3]", "+c2 [c2]",
				"+d2 [d2]", "+b1 [b1, d2]", "+c1 [c1, d2]", "+d1 [d1, d2]");
	}

}
