package dev.migrations.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.stamp;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge whose parents continue after it, as Alembic's {@code BranchFromMergepointTest}
 * and {@code BranchFrom3WayMergepointTest}: independent bases merged into {@code d1},
 * while {@code c2} (and {@code c3}) go on into their own heads.
 */
class MergeWithContinuingParentsTest {

	private final RevisionGraph graph = graph(rev("a1", ""), rev("b1", "a1"), rev("c1", "b1"), rev("a2", ""),
			rev("b2", "a2"), rev("c2", "b2"), rev("d1", "c1, c2"), rev("d2", "c2"));

	@Test
	void shape() {
		assertThat(this.graph.heads()).containsExactly("d1", "d2");
		assertThat(this.graph.bases()).containsExactly("a1", "a2");
		assertThat(this.graph.mergePoints()).containsExactly("d1");
		assertThat(this.graph.branchPoints()).containsExactly("c2");
	}

	@Test
	void upgradeTheMergeFromOneSide() {
		assertThat(upgrade(this.graph, applied("a1", "b1", "a2", "b2", "c2", "d2"), "d1"))
			.containsExactly("+c1 [c1, d2]", "+d1 [d1, d2]");
	}

	@Test
	void downgradeOneSideOfTheMergeKeepsTheContinuingParent() {
		assertThat(downgrade(this.graph, all(this.graph), "b1")).containsExactly("-d1 [c1, d2]", "-c1 [b1, d2]");
	}

	@Test
	void upgradeFromBaseToHeads() {
		assertThat(upgrade(this.graph, applied(), "heads")).containsExactly("+a2 [a2]", "+b2 [b2]", "+c2 [c2]",
				"+d2 [d2]", "+a1 [a1, d2]", "+b1 [b1, d2]", "+c1 [c1, d2]", "+d1 [d1, d2]");
	}

	@Test
	void downgradeToBaseWaitsForBothChildrenOfTheContinuingParent() {
		assertThat(downgrade(this.graph, all(this.graph), "base")).containsExactly("-d1 [c1, d2]", "-c1 [b1, d2]",
				"-b1 [a1, d2]", "-a1 [d2]", "-d2 [c2]", "-c2 [b2]", "-b2 [a2]", "-a2 []");
	}

	@Test
	void downgradeToTheContinuingParentTakesTheMergeAndItsOwnHead() {
		assertThat(downgrade(this.graph, all(this.graph), "c2")).containsExactly("-d1 [c1, d2]", "-d2 [c1, c2]");
	}

	@Test
	void downgradeTheContinuingParentsHeadOnlyByNamingItsBranch() {
		assertThat(downgrade(this.graph, all(this.graph), "d2@c2")).containsExactly("-d2 [d1]");
	}

	@Nested
	class ThreeWay {

		private final RevisionGraph graph = graph(rev("a1", ""), rev("b1", "a1"), rev("c1", "b1"), rev("a2", ""),
				rev("b2", "a2"), rev("c2", "b2"), rev("a3", ""), rev("b3", "a3"), rev("c3", "b3"),
				rev("d1", "c1, c2, c3"), rev("d2", "c2"), rev("d3", "c3"));

		@Test
		void upgradeTheMergeFromOneSide() {
			assertThat(upgrade(this.graph, applied("a1", "b1", "a2", "b2", "c2", "d2", "a3", "b3", "c3", "d3"), "d1"))
				.containsExactly("+c1 [c1, d2, d3]", "+d1 [d1, d2, d3]");
		}

		@Test
		void downgradeOneSideOfTheMerge() {
			assertThat(downgrade(this.graph, all(this.graph), "b1")).containsExactly("-d1 [c1, d2, d3]",
					"-c1 [b1, d2, d3]");
		}

		@Test
		void upgradeTheMergeFromTwoSidesThenBreakOutAgain() {
			Set<String> applied = applied("a1", "b1", "a2", "b2", "a3", "b3", "c3", "d3");
			assertThat(upgrade(this.graph, applied, "d1")).containsExactly("+c2 [b1, c2, d3]", "+c1 [c1, c2, d3]",
					"+d1 [d1, d3]");
			applied.addAll(List.of("c1", "c2", "d1"));
			assertThat(upgrade(this.graph, applied, "d2")).containsExactly("+d2 [d1, d2, d3]");
		}

	}

	/**
	 * Alembic's {@code MergedPathTest}: {@code b} branches into {@code c1 -> d1} and
	 * {@code c2 -> d2}, merged by {@code e}, continued by {@code f}.
	 */
	@Nested
	class MergedPath {

		private final RevisionGraph graph = graph(rev("a", ""), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
				rev("c2", "b", "", "c2branch"), rev("d2", "c2"), rev("e", "d1, d2"), rev("f", "e"));

		@Test
		void upgradeAcrossTheMergePoint() {
			assertThat(upgrade(this.graph, applied("a", "b"), "f")).containsExactly("+c2 [c2]", "+d2 [d2]",
					"+c1 [c1, d2]", "+d1 [d1, d2]", "+e [e]", "+f [f]");
		}

		@Test
		void downgradeAcrossTheMergePoint() {
			assertThat(downgrade(this.graph, all(this.graph), "b")).containsExactly("-f [e]", "-e [d1, d2]",
					"-d1 [c1, d2]", "-c1 [d2]", "-d2 [c2]", "-c2 [b]");
		}

		@Test
		void mergePointCarriesTheLabelOfTheBranchBelowIt() {
			assertThat(this.graph.branchLabels("e")).containsExactly("c2branch");
			assertThat(this.graph.branchLabels("d1")).isEmpty();
		}

		@Test
		void stampAcrossTheMergePoint() {
			assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2", "d2", "e"), false, "c2"))
				.containsExactly("d1", "c2");
			assertThat(stamp(this.graph, applied("a", "b", "c2"), false, "e")).containsExactly("e");
			assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2"), false, "c2branch@head"))
				.containsExactly("f");
		}

	}

}
