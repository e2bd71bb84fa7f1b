package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code a -> b -> c -> d -> e}, as Alembic's {@code RevisionPathTest}.
 */
class LinearGraphTest {

	private final RevisionGraph graph = graph(rev("e6239818bb3a", ""), rev("548bbb905360", "e6239818bb3a"),
			rev("b7ea43dc85e4", "548bbb905360"), rev("1bbe33445780", "b7ea43dc85e4"),
			rev("3975fb1a0125", "1bbe33445780"));

	private static final String A = "e6239818bb3a";

	private static final String B = "548bbb905360";

	private static final String C = "b7ea43dc85e4";

	private static final String D = "1bbe33445780";

	private static final String E = "3975fb1a0125";

	@Test
	void headsAndBases() {
		assertThat(this.graph.heads()).containsExactly(E);
		assertThat(this.graph.bases()).containsExactly(A);
		assertThat(this.graph.branchPoints()).isEmpty();
		assertThat(this.graph.mergePoints()).isEmpty();
	}

	@Test
	void upgradeFromBaseToHeadRunsEveryRevisionInOrder() {
		assertThat(upgrade(this.graph, applied(), "head")).containsExactly("+" + A + " [" + A + "]",
				"+" + B + " [" + B + "]", "+" + C + " [" + C + "]", "+" + D + " [" + D + "]", "+" + E + " [" + E + "]");
	}

	@Test
	void upgradeToARevisionStopsThere() {
		assertThat(upgrade(this.graph, applied(A, B, C), E)).containsExactly("+" + D + " [" + D + "]",
				"+" + E + " [" + E + "]");
		assertThat(upgrade(this.graph, applied(), C)).containsExactly("+" + A + " [" + A + "]",
				"+" + B + " [" + B + "]", "+" + C + " [" + C + "]");
	}

	@Test
	void upgradeToAnAppliedRevisionIsEmpty() {
		assertThat(this.graph.planUpgrade(applied(A, B, C), B).isEmpty()).isTrue();
		assertThat(this.graph.planUpgrade(applied(A, B, C), "base").isEmpty()).isTrue();
	}

	@Test
	void relativeUpgrades() {
		assertThat(upgrade(this.graph, applied(A), "+2")).containsExactly("+" + B + " [" + B + "]",
				"+" + C + " [" + C + "]");
		assertThat(upgrade(this.graph, applied(A), "+1")).containsExactly("+" + B + " [" + B + "]");
		assertThat(upgrade(this.graph, applied(A, B), "+3")).containsExactly("+" + C + " [" + C + "]",
				"+" + D + " [" + D + "]", "+" + E + " [" + E + "]");
		assertThat(upgrade(this.graph, applied(A), B + "+2")).containsExactly("+" + B + " [" + B + "]",
				"+" + C + " [" + C + "]", "+" + D + " [" + D + "]");
		assertThat(upgrade(this.graph, applied(A), D + "-2")).containsExactly("+" + B + " [" + B + "]");
		assertThat(upgrade(this.graph, applied(), "+1")).containsExactly("+" + A + " [" + A + "]");
		assertThat(upgrade(this.graph, applied(), "base+1")).containsExactly("+" + A + " [" + A + "]");
	}

	@Test
	void relativeUpgradeThatOvershootsIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied(A, B), "+5"))
			.withMessage("Relative revision +5 didn't produce 5 migrations: only 3 lie above " + B
					+ "; give a smaller number")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RelativeRevisionException.Reason.OVERSHOOT));
	}

	@Test
	void upgradeToMinusNIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied(A, B), "-2"))
			.withMessage("Relative revision -2 walks down, so it is no upgrade target; run downgrade -2")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RelativeRevisionException.Reason.WRONG_DIRECTION));
	}

	@Test
	void downgradeToARevision() {
		assertThat(downgrade(this.graph, applied(A, B, C, D, E), C)).containsExactly("-" + E + " [" + D + "]",
				"-" + D + " [" + C + "]");
	}

	@Test
	void downgradeToBase() {
		assertThat(downgrade(this.graph, applied(A, B, C), "base")).containsExactly("-" + C + " [" + B + "]",
				"-" + B + " [" + A + "]", "-" + A + " []");
		assertThat(this.graph.planDowngrade(applied(), "base").isEmpty()).isTrue();
	}

	@Test
	void downgradeToTheCurrentHeadOrBelowWithoutEffectIsEmpty() {
		assertThat(this.graph.planDowngrade(applied(A), A).isEmpty()).isTrue();
		assertThat(this.graph.planDowngrade(applied(A, B, C, D, E), E).isEmpty()).isTrue();
	}

	@Test
	void relativeDowngrades() {
		assertThat(downgrade(this.graph, applied(A, B, C), "-1")).containsExactly("-" + C + " [" + B + "]");
		assertThat(downgrade(this.graph, applied(A, B, C, D, E), "-3")).containsExactly("-" + E + " [" + D + "]",
				"-" + D + " [" + C + "]", "-" + C + " [" + B + "]");
		assertThat(downgrade(this.graph, applied(A, B, C, D), A + "+2")).containsExactly("-" + D + " [" + C + "]");
		assertThat(downgrade(this.graph, applied(A, B, C, D), C + "-2")).containsExactly("-" + D + " [" + C + "]",
				"-" + C + " [" + B + "]", "-" + B + " [" + A + "]");
		assertThat(downgrade(this.graph, applied(A), "-1")).containsExactly("-" + A + " []");
	}

	@Test
	void relativeDowngradeThatOvershootsIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(A, B), "-5"))
			.withMessage("Relative revision -5 didn't produce 5 migrations: only 2 lie below " + B
					+ "; give a smaller number");
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(), "-1"))
			.withMessage("Relative revision -1 didn't produce 1 migrations: no revision is applied;"
					+ " there is nothing to downgrade");
	}

	@Test
	void downgradeToPlusNIsRefused() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(A, B), "+2"))
			.withMessage("Relative revision +2 walks up, so it is no downgrade target; run upgrade +2");
	}

	@Test
	void downgradeToARevisionNotAppliedIsRefused() {
		assertThatExceptionOfType(InvalidDowngradeTargetException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(A, B), "b7ea"))
			.withMessage("Destination b7ea is not a valid downgrade target from current head(s); " + C
					+ " is not applied (current heads: " + B + "); run upgrade to move forward to it")
			.satisfies((ex) -> assertThat(ex.currentHeads()).containsExactly(B));
		assertThatExceptionOfType(InvalidDowngradeTargetException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(), B))
			.withMessage("Destination " + B + " is not a valid downgrade target from current head(s); " + B
					+ " is not applied (current heads: none); run upgrade to move forward to it");
	}

	@Test
	void prefixesResolve() {
		assertThat(this.graph.resolve("548b", applied())).containsExactly(B);
		assertThat(this.graph.resolve("head", applied())).containsExactly(E);
		assertThat(this.graph.resolve("base", applied())).isEmpty();
		assertThat(this.graph.resolve("current", applied(A, B))).containsExactly(B);
		assertThat(this.graph.resolve("-1", applied(A, B))).containsExactly(A);
	}

	@Test
	void stampMarksAndUnmarksWithoutRunning() {
		StampPlan down = this.graph.planStamp(applied(A, B, C, D), List.of("base"), false);
		assertThat(down.mark()).isEmpty();
		assertThat(down.unmark()).extracting(RevisionNode::id).containsExactly(D, C, B, A);
		StampPlan up = this.graph.planStamp(applied(A), List.of("heads"), false);
		assertThat(up.mark()).extracting(RevisionNode::id).containsExactly(B, C, D, E);
		assertThat(up.unmark()).isEmpty();
		StampPlan middle = this.graph.planStamp(applied(A, B, C, D, E), List.of(B), false);
		assertThat(middle.unmark()).extracting(RevisionNode::id).containsExactly(E, D, C);
	}

	@Test
	void historyIsNewestFirst() {
		assertThat(this.graph.history(null, applied())).extracting(RevisionNode::id).containsExactly(E, D, C, B, A);
		assertThat(this.graph.history(B + ":" + D, applied())).extracting(RevisionNode::id).containsExactly(D, C, B);
		assertThat(this.graph.history(":current", applied(A, B))).extracting(RevisionNode::id).containsExactly(B, A);
		assertThat(this.graph.history("current:", applied(A, B, C))).extracting(RevisionNode::id)
			.containsExactly(E, D, C);
		assertThat(this.graph.history("-1:", applied(A, B, C))).extracting(RevisionNode::id)
			.containsExactly(E, D, C, B);
	}

	@Test
	void historyRangeBackwardsIsRefused() {
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> this.graph.history(D + ":" + B, applied()))
			.withMessage("Invalid revision range '" + D + ":" + B + "': revision " + D + " is not an ancestor of " + B
					+ "; put the older revision first");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> this.graph.history("heads:base", applied()))
			.withMessage("Invalid revision range 'heads:base': revision " + E
					+ " is not an ancestor of base; put the older revision first");
		assertThatExceptionOfType(InvalidRangeException.class).isThrownBy(() -> this.graph.history(B, applied()))
			.withMessage("Invalid revision range '" + B + "': a history range is [start]:[end], [start]: or :[end]");
	}

	@Test
	void longChainIsPlannedWithoutDeepRecursion() {
		List<RevisionNode> nodes = new ArrayList<>();
		nodes.add(rev("r0", ""));
		for (int i = 1; i < 100_000; i++) {
			nodes.add(rev("r" + i, "r" + (i - 1)));
		}
		RevisionGraph chain = RevisionGraph.of(nodes);
		assertThat(chain.heads()).containsExactly("r99999");
		Plan plan = chain.planUpgrade(applied(), "heads");
		assertThat(plan.steps()).hasSize(100_000);
		assertThat(plan.steps().get(0).revision().id()).isEqualTo("r0");
		assertThat(chain.history(null, applied()).get(0).id()).isEqualTo("r99999");
	}

}
