package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.all;
import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.downgrade;
import static dev.migrations.core.graph.Revisions.rev;
import static dev.migrations.core.graph.Revisions.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bases with a cross-branch dependency: the account/shoppingcart and networking trees
 * of Alembic's "Working with Multiple Bases" and "Branch Dependencies" documentation.
 *
 * <pre>
 *                  --- 27c6 --> d747            (shoppingcart)
 *                 /
 * &lt;base&gt; --> 1975 --> ae10 --> 55af
 *                                 ^ depends_on
 * &lt;base&gt; --> 3cac --> 109e --> 29f8 --> 2a95  (networking)
 * </pre>
 */
class MultipleBasesCrossDependencyTest {

	private static final List<RevisionNode> NODES = List.of(rev("1975ea83b712", ""),
			rev("27c6a30d7c24", "1975ea83b712", "", "shoppingcart"), rev("d747a8a8879", "27c6a30d7c24"),
			rev("ae1027a6acf", "1975ea83b712"), rev("55af2cb1c267", "ae1027a6acf"),
			rev("3cac04ae8714", "", "", "networking"), rev("109ec7d132bf", "3cac04ae8714"),
			rev("29f859a13ea", "109ec7d132bf"), rev("2a95102259be", "29f859a13ea", "55af2cb1c267", ""));

	private final RevisionGraph graph = RevisionGraph.of(NODES);

	@Test
	void headsIncludeTheEffectiveHeadThatOnlyADependencyFollows() {
		assertThat(this.graph.heads()).containsExactly("d747a8a8879", "55af2cb1c267", "2a95102259be");
		assertThat(this.graph.realHeads()).containsExactly("d747a8a8879", "2a95102259be");
		assertThat(this.graph.bases()).containsExactly("1975ea83b712", "3cac04ae8714");
		assertThat(this.graph.branchPoints()).containsExactly("1975ea83b712");
	}

	@Test
	void labelsStayOnTheirBranch() {
		assertThat(this.graph.branchLabels("d747a8a8879")).containsExactly("shoppingcart");
		assertThat(this.graph.branchLabels("1975ea83b712")).isEmpty();
		assertThat(this.graph.branchLabels("55af2cb1c267")).isEmpty();
		assertThat(this.graph.branchLabels("2a95102259be")).containsExactly("networking");
		assertThat(this.graph.branchLabels("3cac04ae8714")).containsExactly("networking");
	}

	@Test
	void upgradeOneBranchPullsInItsDependencyFirst() {
		assertThat(upgrade(this.graph, applied(), "networking@head")).containsExactly("+1975ea83b712 [1975ea83b712]",
				"+ae1027a6acf [ae1027a6acf]", "+55af2cb1c267 [55af2cb1c267]",
				"+3cac04ae8714 [55af2cb1c267, 3cac04ae8714]", "+109ec7d132bf [55af2cb1c267, 109ec7d132bf]",
				"+29f859a13ea [55af2cb1c267, 29f859a13ea]", "+2a95102259be [2a95102259be]");
	}

	@Test
	void upgradeHeadsThenLeavesTheDependencyOutOfTheCurrentHeads() {
		Set<String> networking = applied("1975ea83b712", "ae1027a6acf", "55af2cb1c267", "3cac04ae8714", "109ec7d132bf",
				"29f859a13ea", "2a95102259be");
		assertThat(upgrade(this.graph, networking, "heads"))
			.containsExactly("+27c6a30d7c24 [27c6a30d7c24, 2a95102259be]", "+d747a8a8879 [d747a8a8879, 2a95102259be]");
		assertThat(this.graph.currentHeads(all(this.graph))).isEqualTo(this.graph.realHeads());
	}

	@Test
	void upgradeToTheDependencyOnlyRunsItsOwnLine() {
		assertThat(upgrade(this.graph, applied(), "55af")).containsExactly("+1975ea83b712 [1975ea83b712]",
				"+ae1027a6acf [ae1027a6acf]", "+55af2cb1c267 [55af2cb1c267]");
	}

	@Test
	void upgradeFromEmptyToHeadsWalksTheHeadsDownInLoadOrderAndRunsThatReversed() {
		assertThat(upgrade(this.graph, applied(), "heads")).containsExactly("+1975ea83b712 [1975ea83b712]",
				"+ae1027a6acf [ae1027a6acf]", "+55af2cb1c267 [55af2cb1c267]",
				"+3cac04ae8714 [55af2cb1c267, 3cac04ae8714]", "+109ec7d132bf [55af2cb1c267, 109ec7d132bf]",
				"+29f859a13ea [55af2cb1c267, 29f859a13ea]", "+2a95102259be [2a95102259be]",
				"+27c6a30d7c24 [27c6a30d7c24, 2a95102259be]", "+d747a8a8879 [d747a8a8879, 2a95102259be]");
	}

	@Test
	void upgradeOrderIsTheOneOfTheAlembicDocumentationWhenFilesLoadInNameOrder() {
		RevisionGraph accounts = RevisionGraph.of(List.of(rev("1975ea83b712", ""),
				rev("27c6a30d7c24", "1975ea83b712", "", "shoppingcart"), rev("55af2cb1c267", "ae1027a6acf"),
				rev("ae1027a6acf", "1975ea83b712"), rev("d747a8a8879", "27c6a30d7c24")));
		assertThat(upgrade(accounts, applied(), "heads")).containsExactly("+1975ea83b712 [1975ea83b712]",
				"+27c6a30d7c24 [27c6a30d7c24]", "+d747a8a8879 [d747a8a8879]", "+ae1027a6acf [ae1027a6acf, d747a8a8879]",
				"+55af2cb1c267 [55af2cb1c267, d747a8a8879]");
	}

	@Test
	void downgradeOfTheDependencyTakesItsDependantDownFirst() {
		assertThat(downgrade(this.graph, all(this.graph), "ae1027a6acf")).containsExactly(
				"-2a95102259be [d747a8a8879, 55af2cb1c267, 29f859a13ea]",
				"-55af2cb1c267 [d747a8a8879, ae1027a6acf, 29f859a13ea]");
	}

	/**
	 * As Alembic: {@code <label>@base} takes down the bases below the label and all above
	 * them, dependants included: networking's base and its line, or the account base with
	 * both its branches and the networking revision that depends on it.
	 */
	@Test
	void branchAtBaseDowngradesTheBaseBelowTheLabelAndEverythingAboveIt() {
		assertThat(downgrade(this.graph, all(this.graph), "networking@base")).containsExactly(
				"-2a95102259be [d747a8a8879, 55af2cb1c267, 29f859a13ea]",
				"-29f859a13ea [d747a8a8879, 55af2cb1c267, 109ec7d132bf]",
				"-109ec7d132bf [d747a8a8879, 55af2cb1c267, 3cac04ae8714]", "-3cac04ae8714 [d747a8a8879, 55af2cb1c267]");
		assertThat(downgrade(this.graph, all(this.graph), "shoppingcart@base")).containsExactly(
				"-d747a8a8879 [27c6a30d7c24, 2a95102259be]", "-27c6a30d7c24 [2a95102259be]",
				"-2a95102259be [55af2cb1c267, 29f859a13ea]", "-55af2cb1c267 [ae1027a6acf, 29f859a13ea]",
				"-ae1027a6acf [1975ea83b712, 29f859a13ea]", "-1975ea83b712 [29f859a13ea]");
	}

	@Test
	void historyOfABranchUpToItsHeadIncludesItsDependencies() {
		assertThat(this.graph.history(":networking@head", applied())).extracting(RevisionNode::id)
			.containsExactly("2a95102259be", "29f859a13ea", "109ec7d132bf", "3cac04ae8714", "55af2cb1c267",
					"ae1027a6acf", "1975ea83b712");
	}

	@Test
	void historyOfABranchFromItsBaseDoesNot() {
		assertThat(this.graph.history("networking@base:", applied())).extracting(RevisionNode::id)
			.containsExactly("2a95102259be", "29f859a13ea", "109ec7d132bf", "3cac04ae8714");
		assertThat(this.graph.history("shoppingcart@base:", applied())).extracting(RevisionNode::id)
			.containsExactly("d747a8a8879", "27c6a30d7c24");
	}

	@Test
	void aRevisionOnTheEffectiveHeadMakesItARealBranchAgain() {
		List<RevisionNode> nodes = new ArrayList<>(NODES);
		nodes.add(rev("34e094ad6ef1", "55af2cb1c267"));
		RevisionGraph grown = RevisionGraph.of(nodes);
		assertThat(grown.heads()).containsExactly("d747a8a8879", "2a95102259be", "34e094ad6ef1");
		assertThat(grown.realHeads()).containsExactly("d747a8a8879", "2a95102259be", "34e094ad6ef1");
		assertThat(upgrade(grown, all(this.graph), "heads"))
			.containsExactly("+34e094ad6ef1 [d747a8a8879, 2a95102259be, 34e094ad6ef1]");
	}

}
