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
 * Current heads derived through {@code depends_on}: a revision another applied revision
 * depends on is no current head, as in Alembic's version table
 * ({@code DependsOnBranchTestOne} to {@code Five}).
 */
class EffectiveHeadsThroughDependsOnTest {

	/**
	 * {@code a1 (lib1) -> b1 -> c1 -> d1 -> e1 -> f1} and {@code a2 -> b2 -> c2}, c2
	 * depends on c1.
	 */
	private final RevisionGraph graph = graph(rev("a1", "", "", "lib1"), rev("b1", "a1"), rev("c1", "b1"),
			rev("a2", ""), rev("b2", "a2"), rev("c2", "b2", "c1", ""), rev("d1", "c1"), rev("e1", "d1"),
			rev("f1", "e1"));

	@Test
	void aDependencyOfAnAppliedRevisionIsNoCurrentHead() {
		assertThat(this.graph.currentHeads(applied("a1", "b1", "c1", "a2", "b2", "c2"))).containsExactly("c2");
		assertThat(this.graph.currentHeads(applied("a1", "b1", "c1", "a2", "b2"))).containsExactly("c1", "b2");
		assertThat(this.graph.currentHeads(all(this.graph))).containsExactly("c2", "f1");
	}

	@Test
	void upgradeToTheDependantPullsInTheDependencyBranchFirst() {
		assertThat(upgrade(this.graph, applied(), "c2")).containsExactly("+a1 [a1]", "+b1 [b1]", "+c1 [c1]",
				"+a2 [c1, a2]", "+b2 [c1, b2]", "+c2 [c2]");
	}

	@Test
	void downgradeToTheDependencyLeavesItImpliedByTheDependant() {
		assertThat(downgrade(this.graph, applied("a1", "b1", "c1", "a2", "b2", "c2", "d1"), "c1"))
			.containsExactly("-d1 [c2]");
	}

	@Test
	void downgradeBelowTheDependencyTakesTheDependantDownFirst() {
		assertThat(downgrade(this.graph, applied("a1", "b1", "c1", "a2", "b2", "c2", "d1"), "b1"))
			.containsExactly("-c2 [b2, d1]", "-d1 [c1, b2]", "-c1 [b1, b2]");
	}

	@Test
	void dependsOnMayNameABranchLabel() {
		RevisionGraph byLabel = graph(rev("a1", "", "", "lib1"), rev("b1", "a1"), rev("c1", "b1", "", "c1lib"),
				rev("a2", ""), rev("b2", "a2"), rev("c2", "b2", "c1lib", ""), rev("d1", "c1"));
		assertThat(upgrade(byLabel, applied("a2"), "c2")).containsExactly("+a1 [a1, a2]", "+b1 [b1, a2]",
				"+c1 [c1, a2]", "+b2 [c1, b2]", "+c2 [c2]");
	}

	@Test
	void stampAcrossADependencyKeepsTheOtherBaseAppliedWhereAlembicsVersionTableForgetsIt() {
		assertThat(stamp(this.graph, applied("a1", "b1", "c1", "d1", "e1", "a2", "b2", "c2"), false, "b1"))
			.containsExactly("b1", "b2");
	}

	/**
	 * {@code amerge(a1, a2, a3)}, {@code bmerge(b1, b2)}, {@code cmerge(c1, c2, c3)} and
	 * a base {@code d1} depending on {@code a3, b2, c1}: Alembic's "kaboom" test.
	 */
	@Nested
	class ThreeMergesAndADependantBase {

		private final RevisionGraph graph = graph(rev("a1", ""), rev("a2", ""), rev("a3", ""),
				rev("amerge", "a1, a2, a3"), rev("b1", ""), rev("b2", ""), rev("bmerge", "b1, b2"), rev("c1", ""),
				rev("c2", ""), rev("c3", ""), rev("cmerge", "c1, c2, c3"), rev("d1", "", "a3, b2, c1", ""));

		@Test
		void heads() {
			assertThat(this.graph.heads()).containsExactly("amerge", "bmerge", "cmerge", "d1");
			assertThat(this.graph.realHeads()).containsExactly("amerge", "bmerge", "cmerge", "d1");
			assertThat(this.graph.bases()).containsExactly("a1", "a2", "a3", "b1", "b2", "c1", "c2", "c3", "d1");
		}

		@Test
		void downgradeOneMergeLeavesItsParentImpliedByTheDependantBase() {
			assertThat(downgrade(this.graph, all(this.graph), "b2"))
				.containsExactly("-bmerge [amerge, b1, cmerge, d1]");
		}

		@Test
		void downgradeTheDependantBaseAloneBringsBackTheHeadItImplied() {
			Set<String> applied = all(this.graph);
			applied.remove("bmerge");
			assertThat(downgrade(this.graph, applied, "d1@base")).containsExactly("-d1 [amerge, b1, b2, cmerge]");
		}

		/**
		 * Alembic's order (1.8.1, from the heads amerge, b1, b2, cmerge): each head's
		 * line down to a revision another head still has to pass, then the next head.
		 */
		@Test
		void downgradeToBase() {
			Set<String> applied = all(this.graph);
			applied.removeAll(List.of("bmerge", "d1"));
			assertThat(downgrade(this.graph, applied, "base")).containsExactly("-amerge [a1, a2, a3, b1, b2, cmerge]",
					"-a1 [a2, a3, b1, b2, cmerge]", "-b1 [a2, a3, b2, cmerge]", "-b2 [a2, a3, cmerge]",
					"-cmerge [a2, a3, c1, c2, c3]", "-c1 [a2, a3, c2, c3]", "-a2 [a3, c2, c3]", "-a3 [c2, c3]",
					"-c2 [c3]", "-c3 []");
		}

	}

	/** Criss-cross dependencies between two lines, Alembic's issue #377. */
	@Test
	void downgradeOverACrissCross() {
		RevisionGraph crissCross = graph(rev("a1", ""), rev("a2", "a1"), rev("b1", ""), rev("b2", "b1", "a2", ""),
				rev("b3", "b2"), rev("a3", "a2", "b1", ""));
		assertThat(downgrade(crissCross, applied("a1", "a2", "a3", "b1", "b2"), "b1")).containsExactly("-b2 [a3]");
	}

	/** A dependency that an ancestor already has, Alembic's issue #789. */
	@Test
	void repeatedDependencyIsImpliedByTheAncestor() {
		RevisionGraph repeated = graph(rev("a1", ""), rev("a2", "a1"), rev("a3", "a2"), rev("b1", ""),
				rev("b2", "b1", "a3", ""), rev("b3", "b2"), rev("b4", "b3", "a3", ""));
		assertThat(downgrade(repeated, all(repeated), "b3")).containsExactly("-b4 [b3]");
	}

	/** A dependency on the own down revision, Alembic's issue #843. */
	@Test
	void dependencyOnTheOwnDownRevision() {
		RevisionGraph own = graph(rev("a1", ""), rev("a2", "a1", "a1", ""));
		assertThat(upgrade(own, applied(), "a2")).containsExactly("+a1 [a1]", "+a2 [a2]");
		assertThat(downgrade(own, applied("a1", "a2"), "a1")).containsExactly("-a2 [a1]");
	}

	/** A merge of a revision and its dependant, Alembic's issue #1373. */
	@Test
	void mergeOfARevisionAndItsDependant() {
		RevisionGraph merge = graph(rev("a1", ""), rev("b1", "", "a1", ""), rev("bmerge", "a1, b1"));
		assertThat(upgrade(merge, applied("a1"), "b1")).containsExactly("+b1 [b1]");
		assertThat(upgrade(merge, applied("a1", "b1"), "bmerge")).containsExactly("+bmerge [bmerge]");
		assertThat(downgrade(merge, applied("a1", "b1", "bmerge"), "a1")).containsExactly("-bmerge [b1]");
		assertThat(downgrade(merge, applied("a1", "b1", "bmerge"), "b1")).containsExactly("-bmerge [b1]");
	}

	/** Alembic's {@code BranchedPathTestCrossDependencies}. */
	@Nested
	class CrossDependentBranches {

		private final RevisionGraph graph = graph(rev("a", ""), rev("b", "a"), rev("c1", "b", "", "c1branch"),
				rev("d1", "c1"), rev("c2", "b", "", "c2branch"), rev("d2", "c2", "c1", ""));

		@Test
		void theDependantBranchGoesDownOnItsOwn() {
			assertThat(downgrade(this.graph, all(this.graph), "c2branch@b")).containsExactly("-d2 [d1, c2]",
					"-c2 [d1]");
		}

		@Test
		void theDependencyBranchTakesTheDependantWithIt() {
			assertThat(downgrade(this.graph, all(this.graph), "c1branch@b")).containsExactly("-d1 [d2]", "-d2 [c1, c2]",
					"-c1 [c2]");
		}

	}

}
