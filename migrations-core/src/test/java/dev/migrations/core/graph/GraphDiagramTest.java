package dev.migrations.core.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GraphDiagram}: a branch point, a labelled branch, a merge point and a dependency
 * on a second base, as Mermaid and DOT text, plain and with a database's state.
 */
class GraphDiagramTest {

	private final RevisionGraph graph = graph(rev("a", ""), rev("b1", "a"), rev("b2", "a", "", "feature"),
			rev("m", "b1, b2"), rev("lib", ""), rev("c", "m", "lib", ""));

	@Test
	void mermaidShowsRevisionsOldestFirstWithFlagsAndDependenciesDashed() {
		assertThat(GraphDiagram.of(this.graph, null, null).mermaid()).isEqualTo("""
				flowchart TD
				    r0["a (branchpoint)<br/>message a"]
				    r1["lib (effective head)<br/>message lib"]
				    r2["b2 (feature)<br/>message b2"]
				    r3["b1<br/>message b1"]
				    r4["m (mergepoint)<br/>message m"]
				    r5["c (head)<br/>message c"]
				    r0 --> r2
				    r0 --> r3
				    r3 --> r4
				    r2 --> r4
				    r4 --> r5
				    r1 -.-> r5
				    classDef head stroke-width:3px
				    class r5 head
				""");
	}

	@Test
	void theStateOfADatabaseMarksCurrentHeadsAndPendingRevisions() {
		String mermaid = GraphDiagram.of(this.graph, null, applied("a", "b2", "lib")).mermaid();

		assertThat(mermaid).contains("""
				    r0["a (branchpoint)<br/>message a"]
				    r1["lib (effective head) (current)<br/>message lib"]
				    r2["b2 (feature) (current)<br/>message b2"]
				    r3["b1 (pending)<br/>message b1"]
				    r4["m (mergepoint) (pending)<br/>message m"]
				    r5["c (head) (pending)<br/>message c"]
				""").endsWith("""
				    classDef head stroke-width:3px
				    class r5 head
				    classDef current fill:#d4edda,stroke:#2e7d32,stroke-width:3px
				    class r1,r2 current
				    classDef pending fill:#f5f5f5,stroke-dasharray:5 5
				    class r3,r4,r5 pending
				""");
	}

	@Test
	void dotHasTheSameRevisionsAndEdges() {
		assertThat(GraphDiagram.of(this.graph, null, applied("a", "b2", "lib")).dot()).isEqualTo("""
				digraph revisions {
				    rankdir=TB;
				    node [shape=box];
				    r0 [label="a (branchpoint)\\nmessage a"];
				    r1 [label="lib (effective head) (current)\\nmessage lib", style=filled, fillcolor="#d4edda"];
				    r2 [label="b2 (feature) (current)\\nmessage b2", style=filled, fillcolor="#d4edda"];
				    r3 [label="b1 (pending)\\nmessage b1", style=dashed];
				    r4 [label="m (mergepoint) (pending)\\nmessage m", style=dashed];
				    r5 [label="c (head) (pending)\\nmessage c", penwidth=3, style=dashed];
				    r0 -> r2;
				    r0 -> r3;
				    r3 -> r4;
				    r2 -> r4;
				    r4 -> r5;
				    r1 -> r5 [style=dashed];
				}
				""");
	}

	@Test
	void aRangeShowsItsRevisionsOnlyWithTheEdgesBetweenThem() {
		assertThat(GraphDiagram.of(this.graph, "feature@base:m", null).mermaid()).isEqualTo("""
				flowchart TD
				    r0["b2 (feature)<br/>message b2"]
				    r1["m (mergepoint)<br/>message m"]
				    r0 --> r1
				""");
	}

	@Test
	void messagesCannotBreakOutOfTheirLabels() {
		RevisionGraph quoted = RevisionGraph.of(List.of(new RevisionNode("end", List.of(), List.of(), Set.of(),
				"Say \"hi\" & <b>bold</b> #1; `code` \\ back", "end.sql", true)));

		assertThat(GraphDiagram.of(quoted, null, null).mermaid()).contains(
				"    r0[\"end (head)<br/>Say #34;hi#34; #38; #60;b#62;bold#60;/b#62; #35;1; #96;code#96; #92; back\"]\n");
		assertThat(GraphDiagram.of(quoted, null, null).dot()).contains(
				"    r0 [label=\"end (head)\\nSay \\\"hi\\\" & <b>bold</b> #1; `code` \\\\ back\", penwidth=3];\n");
	}

}
