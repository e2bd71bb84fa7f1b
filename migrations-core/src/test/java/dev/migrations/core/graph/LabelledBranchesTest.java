package dev.migrations.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.stamp;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two labelled branches from one base, as Alembic's {@code BranchedPathTest}:
 * {@code a -> b -> c1 (c1branch) -> d1} and {@code b -> c2 (c2branch) -> d2}, loaded in
 * that order.
 */
class LabelledBranchesTest {

	private final RevisionGraph graph = graph(rev("a", ""), rev("b", "a"), rev("c1", "b", "", "c1branch"),
			rev("d1", "c1"), rev("c2", "b", "", "c2branch"), rev("d2", "c2"));

	@Test
	void shape() {
		assertThat(this.graph.heads()).containsExactly("d1", "d2");
		assertThat(this.graph.bases()).containsExactly("a");
		assertThat(this.graph.branchPoints()).containsExactly("b");
		assertThat(this.graph.mergePoints()).isEmpty();
	}

	@Test
	void labelsPropagateToDescendantsButNotPastTheBranchPoint() {
		assertThat(this.graph.branchLabels("c1")).containsExactly("c1branch");
		assertThat(this.graph.branchLabels("d1")).containsExactly("c1branch");
		assertThat(this.graph.branchLabels("d2")).containsExactly("c2branch");
		assertThat(this.graph.branchLabels("b")).isEmpty();
		assertThat(this.graph.branchLabels("a")).isEmpty();
	}

	@Test
	void labelDeclaredMidLineReachesDownToTheBaseWhenNothingBranches() {
		RevisionGraph line = graph(rev("a", ""), rev("b", "a"), rev("c", "b", "", "feature"), rev("d", "c"));
		assertThat(line.branchLabels("a")).containsExactly("feature");
		assertThat(line.branchLabels("d")).containsExactly("feature");
		assertThat(line.resolve("feature@base+1", applied())).containsExactly("a");
	}

	@Test
	void labelStopsAboveAMergePoint() {
		RevisionGraph merged = graph(rev("a", ""), rev("b1", "a"), rev("b2", "a"), rev("m", "b1, b2"), rev("n", "m"),
				rev("o", "n", "", "after"));
		assertThat(merged.branchLabels("n")).containsExactly("after");
		assertThat(merged.branchLabels("m")).isEmpty();
		assertThat(downgrade(merged, Revisions.all(merged), "after@base")).containsExactly("-o [n]", "-n [m]",
				"-m [b1, b2]", "-b1 [b2]", "-b2 [a]", "-a []");
	}

	@Test
	void upgradeOneBranch() {
		assertThat(upgrade(this.graph, applied("a", "b"), "d1")).containsExactly("+c1 [c1]", "+d1 [d1]");
	}

	@Test
	void upgradeToHeadsWalksTheBranchLoadedLastFirstAsAlembicDoes() {
		assertThat(upgrade(this.graph, applied("a"), "heads")).containsExactly("+b [b]", "+c2 [c2]", "+d2 [d2]",
				"+c1 [c1, d2]", "+d1 [d1, d2]");
	}

	@Test
	void downgradeBothBranchesFinishesEachDownToTheBranchPoint() {
		assertThat(downgrade(this.graph, all(this.graph), "a")).containsExactly("-d1 [c1, d2]", "-c1 [d2]", "-d2 [c2]",
				"-c2 [b]", "-b [a]");
	}

	@Test
	void headWithTwoHeadsIsRefused() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied("a"), "head"))
			.withMessage("Multiple head revisions are present for given argument 'head'; please specify a specific"
					+ " target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads")
			.satisfies((ex) -> {
				assertThat(ex.argument()).isEqualTo("head");
				assertThat(ex.heads()).containsExactly("d1", "d2");
			});
	}

	@Test
	void branchQualifiedHeads() {
		assertThat(this.graph.resolve("c1branch@head", applied())).containsExactly("d1");
		assertThat(this.graph.resolve("c2branch@heads", applied())).containsExactly("d2");
		assertThat(this.graph.resolve("c2@head", applied())).containsExactly("d2");
		assertThat(this.graph.resolve("c1branch", applied())).containsExactly("c1");
		assertThat(this.graph.resolve("c1branch@c1", applied())).containsExactly("c1");
		assertThat(upgrade(this.graph, applied("a", "b"), "c2branch@head-1")).containsExactly("+c2 [c2]");
	}

	@Test
	void revisionOffTheBranchIsRefused() {
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.resolve("c1branch@d2", applied()))
			.withMessage("Can't locate revision identified by 'c1branch@d2': revision d2 is not a member of branch"
					+ " 'c1branch'; name a revision of that branch or drop the branch")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RevisionNotFoundException.Reason.NOT_ON_BRANCH));
	}

	@Test
	void unknownBranchIsRefused() {
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.resolve("nope@head", applied()))
			.withMessage("Can't locate revision identified by 'nope@head': no such branch: 'nope'; run"
					+ " 'migrations branches' to list the branch labels")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RevisionNotFoundException.Reason.UNKNOWN_BRANCH));
	}

	@Test
	void relativeDowngradeFromBasePlusTwoTakesBothBranches() {
		assertThat(downgrade(this.graph, all(this.graph), "base+2")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]");
	}

	@Test
	void relativeDowngradeFromBranchBasePlusTwoTakesOneBranch() {
		assertThat(downgrade(this.graph, all(this.graph), "c2branch@base+2")).containsExactly("-d2 [d1, c2]",
				"-c2 [d1]");
		assertThat(downgrade(this.graph, all(this.graph), "c2branch@base+3")).containsExactly("-d2 [d1, c2]");
		assertThat(downgrade(this.graph, all(this.graph), "c2")).containsExactly("-d2 [d1, c2]");
	}

	@Test
	void minusOneFromTwoHeadsIsRefusedWhereAlembicWarnsAndPicksTheFirstRow() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planDowngrade(all(this.graph), "-1"))
			.withMessage("Relative revision -1 is ambiguous from multiple current revisions (d1, d2); qualify it"
					+ " with a branch, e.g. '<branchname>@-1', or start from a revision, e.g. 'd1-1'")
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(RelativeRevisionException.Reason.AMBIGUOUS_START);
				assertThat(ex.revisions()).containsExactly("d1", "d2");
			});
	}

	@Test
	void branchQualifiedRelativeDowngrades() {
		assertThat(downgrade(this.graph, all(this.graph), "c1branch@-1")).containsExactly("-d1 [c1, d2]");
		assertThat(downgrade(this.graph, applied("a", "b", "c1", "c2", "d2"), "c1branch@-1"))
			.containsExactly("-c1 [d2]");
		assertThat(downgrade(this.graph, applied("a", "b", "c1", "c2", "d2"), "d2-1")).containsExactly("-d2 [c1, c2]");
		assertThat(downgrade(this.graph, all(this.graph), "c1branch@head-1")).containsExactly("-d1 [c1, d2]");
	}

	@Test
	void downgradeOneBranchToTheBranchPoint() {
		assertThat(downgrade(this.graph, applied("a", "b", "c1", "c2", "d2"), "c1branch@b"))
			.containsExactly("-c1 [d2]");
		assertThat(downgrade(this.graph, applied("a", "b", "c1", "c2", "d2"), "c2branch@b"))
			.containsExactly("-d2 [c1, c2]", "-c2 [c1]");
		assertThat(downgrade(this.graph, all(this.graph), "c2@b")).containsExactly("-d2 [d1, c2]", "-c2 [d1]");
		assertThat(downgrade(this.graph, all(this.graph), "d1@b")).containsExactly("-d1 [c1, d2]", "-c1 [d2]");
	}

	/**
	 * As Alembic: {@code <label>@base} takes down the bases below the label and
	 * everything above them, so with one base the whole graph.
	 */
	@Test
	void labelAtBaseTakesDownEverythingAboveTheOneBase() {
		assertThat(downgrade(this.graph, all(this.graph), "c1branch@base")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]", "-b [a]", "-a []");
		assertThat(downgrade(this.graph, all(this.graph), "c2branch@base")).containsExactly("-d1 [c1, d2]", "-c1 [d2]",
				"-d2 [c2]", "-c2 [b]", "-b [a]", "-a []");
	}

	@Test
	void downgradeToARevisionAlreadyAtTheTopOfItsBranchIsEmpty() {
		assertThat(this.graph.planDowngrade(applied("a", "b", "c1", "d1", "c2"), "c2").isEmpty()).isTrue();
		assertThat(this.graph.planDowngrade(applied("a", "b", "c1", "d1", "c2"), "d1").isEmpty()).isTrue();
	}

	@Test
	void branchQualifiedRelativeUpgrades() {
		assertThat(upgrade(this.graph, applied("a", "b", "c1"), "c2branch@+1")).containsExactly("+c2 [c1, c2]");
		assertThat(upgrade(this.graph, applied("a", "b", "c1", "c2"), "c2branch@+1")).containsExactly("+d2 [c1, d2]");
		assertThat(upgrade(this.graph, applied(), "c2branch@+3")).containsExactly("+a [a]", "+b [b]", "+c2 [c2]");
	}

	@Test
	void plusOneFromTwoHeadsIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied("a", "b", "c1", "c2"), "+1"))
			.withMessage("Relative revision +1 is ambiguous from multiple current revisions (c1, c2); qualify it"
					+ " with a branch, e.g. '<branchname>@+1', or start from a revision, e.g. 'c1+1'");
	}

	@Test
	void plusOneIntoTheForkIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied("a", "b"), "+1"))
			.withMessage("Relative revision +1 walks into a fork at b: c1, c2 follow it; qualify it with a branch,"
					+ " e.g. '<branchname>@+1', or name a revision")
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(RelativeRevisionException.Reason.FORK);
				assertThat(ex.revisions()).containsExactly("c1", "c2");
			});
	}

	@Test
	void stampPerBranch() {
		assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2"), false, "c2branch@head")).containsExactly("d1",
				"d2");
		assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2"), false, "c1branch@base"))
			.containsExactly("c2");
		assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2"), false, "b")).containsExactly("b");
		assertThat(stamp(this.graph, applied("a", "b", "c1", "d1", "c2"), true, "d2")).containsExactly("d2");
		assertThat(stamp(this.graph, applied(), false, "d1", "d2")).containsExactly("d1", "d2");
	}

	@Test
	void overlappingStampTargetsAreRefused() {
		assertThatExceptionOfType(OverlappingTargetsException.class)
			.isThrownBy(() -> this.graph.planStamp(applied(), List.of("b", "d2"), false))
			.withMessage("Requested revision b overlaps with other requested revisions d2; give only revisions on"
					+ " separate branches");
	}

	@Test
	void historyFinishesEachBranchBeforeTheBranchPoint() {
		assertThat(this.graph.history(null, applied())).extracting(RevisionNode::id)
			.containsExactly("d1", "c1", "d2", "c2", "b", "a");
		assertThat(this.graph.history("c2branch@base:c2branch@head", applied())).extracting(RevisionNode::id)
			.containsExactly("d2", "c2");
		assertThat(this.graph.history(":c2branch@head", applied())).extracting(RevisionNode::id)
			.containsExactly("d2", "c2", "b", "a");
		assertThat(this.graph.history("c1:", applied())).extracting(RevisionNode::id).containsExactly("d1", "c1");
	}

}
