package dev.migrations.core.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heads before and after a step: {@link AppliedSet#headsAfter} and the heads kept between
 * steps give what applying the step to a copy gives.
 */
class AppliedSetTests {

	private static final RevisionNode A = node("a");

	private static final RevisionNode B = node("b", "a");

	private static final RevisionNode C = node("c", "a");

	private static final RevisionNode M = node("m", "b", "c");

	private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(A, B, C, M));

	@Test
	void headsAfterAnUpgradeLeaveTheSetAsItIs() {
		AppliedSet applied = applied(Map.of("a", List.of(), "b", List.of("a")));
		assertThat(applied.heads()).containsExactly("b");
		assertThat(applied.headsAfter(new Step(C, Direction.UPGRADE))).containsExactlyInAnyOrder("b", "c")
			.isEqualTo(afterOnACopy(applied, new Step(C, Direction.UPGRADE)));
		assertThat(applied.heads()).containsExactly("b");
		assertThat(applied.ids()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void headsAfterAMergeAndADowngradeAreThoseOfACopy() {
		AppliedSet applied = applied(Map.of("a", List.of(), "b", List.of("a"), "c", List.of("a")));
		for (Step step : List.of(new Step(M, Direction.UPGRADE), new Step(C, Direction.DOWNGRADE))) {
			List<String> before = applied.heads();
			assertThat(applied.headsAfter(step)).isEqualTo(afterOnACopy(applied, step));
			assertThat(applied.heads()).isEqualTo(before);
		}
	}

	@Test
	void headsFollowTheStepsApplied() {
		AppliedSet applied = applied(Map.of("a", List.of()));
		Step upgradeB = new Step(B, Direction.UPGRADE);
		applied.apply(upgradeB, applied.headsAfter(upgradeB));
		assertThat(applied.heads()).containsExactly("b");
		applied.apply(new Step(C, Direction.UPGRADE));
		assertThat(applied.heads()).containsExactlyInAnyOrder("b", "c");
		applied.apply(new Step(B, Direction.DOWNGRADE));
		assertThat(applied.heads()).containsExactly("c");
	}

	@Test
	void unknownRevisionsKeepTheirPlaceAmongTheHeads() {
		Map<String, List<String>> parents = new LinkedHashMap<>();
		parents.put("a", List.of());
		parents.put("x", List.of("a"));
		AppliedSet applied = applied(parents);
		Step upgradeB = new Step(B, Direction.UPGRADE);
		assertThat(applied.headsAfter(upgradeB)).containsExactly("b", "x").isEqualTo(afterOnACopy(applied, upgradeB));
		assertThat(applied.heads()).containsExactly("x");
	}

	private static List<String> afterOnACopy(AppliedSet applied, Step step) {
		AppliedSet copy = applied.copy();
		copy.apply(step);
		return copy.heads();
	}

	private static AppliedSet applied(Map<String, List<String>> parents) {
		return new AppliedSet(parents, GRAPH);
	}

	private static RevisionNode node(String id, String... down) {
		return new RevisionNode(id, List.of(down), List.of(), Set.of(), "message " + id, id + ".sql", true);
	}

	@Test
	void theHeadsOfAnAppliedSetFollowItsSteps() {
		AppliedSet applied = new AppliedSet(Map.of());
		applied.apply(new Step(node("a"), Direction.UPGRADE));
		applied.apply(new Step(node("x", "a"), Direction.UPGRADE));
		applied.apply(new Step(node("y", "a"), Direction.UPGRADE));
		assertThat(applied.heads()).containsExactly("x", "y");

		applied.apply(new Step(node("m", "x", "y"), Direction.UPGRADE));
		assertThat(applied.heads()).containsExactly("m");

		applied.apply(new Step(node("m", "x", "y"), Direction.DOWNGRADE));
		applied.apply(new Step(node("y", "a"), Direction.DOWNGRADE));
		assertThat(applied.heads()).containsExactly("x");
		assertThat(applied.ids()).containsExactlyInAnyOrder("a", "x");
	}

}
