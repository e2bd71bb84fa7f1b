package dev.migrations.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.irreversible;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code base -> left, right -> merge -> top}: a branch point and its merge point.
 */
class DiamondGraphTest {

	private final RevisionGraph graph = graph(rev("base1", ""), rev("left", "base1"), rev("right", "base1"),
			rev("merge", "left, right"), rev("top", "merge"));

	@Test
	void shape() {
		assertThat(this.graph.heads()).containsExactly("top");
		assertThat(this.graph.bases()).containsExactly("base1");
		assertThat(this.graph.branchPoints()).containsExactly("base1");
		assertThat(this.graph.mergePoints()).containsExactly("merge");
	}

	@Test
	void upgradeRunsTheSecondParentsBranchFirstAsAlembicDoes() {
		assertThat(upgrade(this.graph, applied(), "head")).containsExactly("+base1 [base1]", "+right [right]",
				"+left [left, right]", "+merge [merge]", "+top [top]");
	}

	@Test
	void downgradeToBaseWalksTheFirstParentFirst() {
		assertThat(downgrade(this.graph, all(this.graph), "base")).containsExactly("-top [merge]",
				"-merge [left, right]", "-left [right]", "-right [base1]", "-base1 []");
	}

	@Test
	void downgradeToOneParentOfTheMergeKeepsTheOtherParentAsAlembicDoes() {
		assertThat(downgrade(this.graph, all(this.graph), "left")).containsExactly("-top [merge]",
				"-merge [left, right]");
	}

	@Test
	void downgradeMinusNTakesDownAMergePointButRefusesToWalkThroughIt() {
		// Alembic refuses any relative walk that reaches a merge point ("Ambiguous
		// walk").
		// Taking the merge point itself down is unambiguous: both parents stay.
		assertThat(downgrade(this.graph, all(this.graph), "-1")).containsExactly("-top [merge]");
		assertThat(downgrade(this.graph, all(this.graph), "-2")).containsExactly("-top [merge]",
				"-merge [left, right]");
		assertThat(downgrade(this.graph, applied("base1", "left", "right", "merge"), "-1"))
			.containsExactly("-merge [left, right]");
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planDowngrade(all(this.graph), "-3"))
			.withMessage("Relative revision -3 walks into the merge point merge of left, right; name a revision"
					+ " instead");
	}

	@Test
	void upgradeFromOneParentBringsTheOtherParentFirst() {
		assertThat(upgrade(this.graph, applied("base1", "left"), "merge")).containsExactly("+right [left, right]",
				"+merge [merge]");
	}

	@Test
	void irreversibleRevisionRefusesTheWholeDowngradeBeforeAnythingRuns() {
		RevisionGraph withIrreversible = graph(rev("base1", ""), rev("left", "base1"), irreversible("right", "base1"),
				rev("merge", "left, right"), irreversible("top", "merge"));
		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> withIrreversible.planDowngrade(all(withIrreversible), "base"))
			.withMessage("Revisions top (top.sql), right (right.sql) have no downgrade; nothing was run. Add a"
					+ " '-- +downgrade' section, or undo the changes by hand and record the state with"
					+ " 'migrations stamp'")
			.satisfies((ex) -> assertThat(ex.revision().id()).isEqualTo("top"));
		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> withIrreversible.planDowngrade(applied("base1", "left", "right"), "base1"))
			.withMessage("Revision right (right.sql) has no downgrade; nothing was run. Add a '-- +downgrade'"
					+ " section, or undo the changes by hand and record the state with 'migrations stamp'");
		assertThat(withIrreversible.planDowngrade(applied("base1", "left", "right"), "left").isEmpty()).isTrue();
	}

	@Test
	void appliedSetWithAPendingRevisionBelowAnAppliedOneIsReported() {
		assertThat(this.graph.missingBelowApplied(applied("base1", "left", "merge"))).containsEntry("right",
				List.of("merge"));
		assertThatExceptionOfType(InconsistentHistoryException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied("base1", "left", "merge"), "heads"))
			.withMessage("The applied revisions cannot come from this revision graph: right (below applied merge)"
					+ " not applied although revisions above are; history was rewritten below applied revisions."
					+ " Move the new revisions above the current heads, or apply their changes by hand and record"
					+ " them with 'migrations stamp'")
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly(entry("right", List.of("merge"))));
		assertThatExceptionOfType(InconsistentHistoryException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied("left", "right", "merge"), "base"));
	}

	@Test
	void ancestorsAndDescendants() {
		assertThat(this.graph.ancestors("merge")).containsExactly("base1", "left", "right");
		assertThat(this.graph.descendants("left")).containsExactly("merge", "top");
		assertThat(this.graph.descendants("top")).isEmpty();
		assertThatExceptionOfType(RevisionNotFoundException.class).isThrownBy(() -> this.graph.ancestors("nope"));
	}

	@Test
	void consistencyCheckOnItsOwn() {
		this.graph.checkConsistent(applied("base1", "right"));
		assertThatExceptionOfType(InconsistentHistoryException.class)
			.isThrownBy(() -> this.graph.checkConsistent(applied("top")))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly(entry("merge", List.of("top"))));
	}

	@Test
	void currentHeadsOfAnInconsistentSetAreStillReported() {
		assertThat(this.graph.currentHeads(applied("base1", "left", "merge"))).containsExactly("merge");
	}

	@Test
	void stampWithPurgeRepairsAnInconsistentAppliedSet() {
		StampPlan plan = this.graph.planStamp(applied("base1", "left", "merge"), List.of("heads"), true);
		assertThat(plan.mark()).extracting(RevisionNode::id).containsExactly("right", "top");
		assertThat(plan.unmark()).isEmpty();
	}

}
