package dev.migrations.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What building a graph refuses, and the messages it gives.
 */
class GraphValidationTest {

	@Test
	void duplicateIdNamesBothSources() {
		RevisionNode first = new RevisionNode("a1", List.of(), List.of(), Set.of(), "one", "db/revisions/one.sql",
				true);
		RevisionNode second = new RevisionNode("a1", List.of(), List.of(), Set.of(), "two", "db/revisions/two.sql",
				true);
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(first, second)))
			.withMessage("Revision a1 is defined twice, in db/revisions/one.sql and in db/revisions/two.sql. Give one"
					+ " of them a new revision id.")
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(InvalidNameException.NameKind.REVISION_ID);
				assertThat(ex.name()).isEqualTo("a1");
				assertThat(ex.first()).isEqualTo("db/revisions/one.sql");
				assertThat(ex.second()).isEqualTo("db/revisions/two.sql");
			});
	}

	@Test
	void missingDownRevisionNamesTheSource() {
		assertThatExceptionOfType(MissingRevisionException.class).isThrownBy(() -> graph(rev("a", ""), rev("b", "zzz")))
			.withMessage("Revision zzz referenced as down_revision of revision b in b.sql is not present; add the"
					+ " missing revision or correct the down_revision")
			.satisfies((ex) -> {
				assertThat(ex.revision()).isEqualTo("b");
				assertThat(ex.source()).isEqualTo("b.sql");
				assertThat(ex.missing()).isEqualTo("zzz");
				assertThat(ex.key()).isEqualTo("down_revision");
			});
	}

	@Test
	void missingDependencyNamesTheSource() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(rev("a", ""), rev("b", "a", "nolabel", "")))
			.withMessage("Revision nolabel referenced as depends_on of revision b in b.sql is not present; add the"
					+ " missing revision or correct the depends_on");
	}

	@Test
	void downRevisionMustNameARevisionNotALabel() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> graph(rev("a", "", "", "lib"), rev("b", "lib")))
			.withMessage("Revision lib referenced as down_revision of revision b in b.sql is not present; add the"
					+ " missing revision or correct the down_revision");
	}

	@Test
	void selfLoopIsACycleOfOne() {
		assertThatExceptionOfType(CycleException.class).isThrownBy(() -> graph(rev("a", "a")))
			.withMessage("Self-loop is detected in revision a; correct the down_revision or depends_on so that no"
					+ " revision is its own ancestor")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a"));
		assertThatExceptionOfType(CycleException.class).isThrownBy(() -> graph(rev("a", "", "a", "")))
			.withMessage("Self-loop is detected in revision a; correct the down_revision or depends_on so that no"
					+ " revision is its own ancestor");
	}

	@Test
	void cycleNamesExactlyTheRevisionsOnIt() {
		assertThatExceptionOfType(CycleException.class).isThrownBy(
				() -> graph(rev("x", ""), rev("y", "x"), rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("z", "c")))
			.withMessage("Cycle is detected in revisions (a, b, c); correct the down_revision or depends_on so that"
					+ " no revision is its own ancestor")
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a", "b", "c"));
	}

	@Test
	void cycleThroughDependsOnIsACycleToo() {
		assertThatExceptionOfType(CycleException.class)
			.isThrownBy(() -> graph(rev("a", ""), rev("b", "a", "c", ""), rev("c", "b")))
			.withMessage("Cycle is detected in revisions (b, c); correct the down_revision or depends_on so that no"
					+ " revision is its own ancestor");
	}

	@Test
	void duplicateBranchLabel() {
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> graph(rev("a", "", "", "lib"), rev("b", "a", "", "lib")))
			.withMessage("Branch name 'lib' in revision b already used by revision a. Choose another branch label.")
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(InvalidNameException.NameKind.BRANCH_LABEL);
				assertThat(ex.name()).isEqualTo("lib");
				assertThat(ex.second()).isEqualTo("b");
				assertThat(ex.first()).isEqualTo("a");
			});
	}

	@Test
	void branchLabelEqualToARevisionId() {
		assertThatExceptionOfType(DuplicateNameException.class)
			.isThrownBy(() -> graph(rev("a", ""), rev("b", "a", "", "a")))
			.withMessage("Branch name 'a' in revision b already used by revision a. Choose another branch label.");
	}

	@Test
	void invalidRevisionIds() {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> graph(rev("a-b", "")))
			.withMessage("Invalid revision id 'a-b' in a-b.sql: a revision id is 1-64 letters, digits, '_' or '.'."
					+ " Rename the revision.")
			.satisfies((ex) -> {
				assertThat(ex.name()).isEqualTo("a-b");
				assertThat(ex.source()).isEqualTo("a-b.sql");
			});
		for (String invalid : List.of("", "a@b", "a+b", "a:b", "a b", "é1", "x".repeat(65))) {
			assertThatExceptionOfType(InvalidNameException.class).as(invalid).isThrownBy(() -> graph(rev(invalid, "")));
		}
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> graph(rev("heads", "")))
			.withMessage("Invalid revision id 'heads' in heads.sql: 'head', 'heads', 'base' and 'current' are"
					+ " reserved words and cannot be revision ids. Rename the revision.");
	}

	@Test
	void validRevisionIds() {
		RevisionGraph valid = graph(rev("001", ""), rev("002_add.users", "001"), rev("X".repeat(64), "002_add.users"),
				rev("3f2a9c1b7d4e", "X".repeat(64)));
		assertThat(valid.heads()).containsExactly("3f2a9c1b7d4e");
	}

	@Test
	void invalidBranchLabels() {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> graph(rev("a", "", "", "my branch")))
			.withMessage("Invalid branch label 'my branch' on revision a in a.sql: a branch label is 1-64 letters,"
					+ " digits, '_', '.' or '-', not starting with '.' or '-'. Rename the label.");
		for (String invalid : List.of(".hidden", "-flag", "a b", "x".repeat(65))) {
			assertThatExceptionOfType(InvalidNameException.class).as(invalid)
				.isThrownBy(() -> graph(rev("a", "", "", invalid)));
		}
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> graph(rev("a", "", "", "base")))
			.withMessage("Invalid branch label 'base' on revision a in a.sql: 'head', 'heads', 'base' and 'current'"
					+ " are reserved words and cannot be branch labels. Rename the label.");
	}

	@Test
	void emptyGraphHasNothingToDo() {
		RevisionGraph empty = RevisionGraph.of(List.of());
		assertThat(empty.heads()).isEmpty();
		assertThat(empty.bases()).isEmpty();
		assertThat(empty.planUpgrade(applied(), "heads").isEmpty()).isTrue();
		assertThat(empty.planUpgrade(applied(), "head").isEmpty()).isTrue();
		assertThat(empty.planDowngrade(applied(), "base").isEmpty()).isTrue();
		assertThat(empty.history(null, applied())).isEmpty();
	}

	@Test
	void appliedRevisionsUnknownToTheGraphAreTheCallersToSeparate() {
		assertThatIllegalArgumentException().isThrownBy(() -> graph(rev("a", "")).currentHeads(applied("zz")))
			.withMessage("Applied revision zz is not in the graph; separate unknown revisions first");
	}

	@Test
	void buildingIsDeterministicAndTheNodesKeepLoadOrder() {
		RevisionGraph built = graph(rev("b", ""), rev("a", ""));
		assertThat(built.revisions()).extracting(RevisionNode::id).containsExactly("b", "a");
		assertThat(built.heads()).containsExactly("b", "a");
		assertThat(built.find("a")).get().extracting(RevisionNode::source).isEqualTo("a.sql");
		assertThat(built.find("zz")).isEmpty();
	}

}
