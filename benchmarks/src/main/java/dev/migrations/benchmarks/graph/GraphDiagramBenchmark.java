package dev.migrations.benchmarks.graph;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.graph.GraphDiagram;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Drawing a revision graph ({@code migrations graph},
 * {@code /actuator/migrations/graph}): Mermaid and DOT text of 1,000 and 10,000
 * revisions, linear and with many branches, and Mermaid with half the revisions applied
 * (current heads and pending revisions marked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GraphDiagramBenchmark {

	@Param({ "1000", "10000" })
	private int revisions;

	@Param({ "linear", "branches" })
	private String shape;

	private RevisionGraph graph = RevisionGraph.of(List.of());

	private Set<String> halfApplied = Set.of();

	@Setup
	public void setUp() {
		List<RevisionNode> nodes = "linear".equals(this.shape) ? GraphShapes.linear(this.revisions)
				: GraphShapes.branches(this.revisions);
		this.graph = RevisionGraph.of(nodes);
		String middle = nodes.get(nodes.size() / 2).id();
		this.halfApplied = Set.copyOf(
				this.graph.planUpgrade(Set.of(), middle).steps().stream().map((step) -> step.revision().id()).toList());
	}

	@Benchmark
	public String mermaid() {
		return GraphDiagram.of(this.graph, null, null).mermaid();
	}

	@Benchmark
	public String dot() {
		return GraphDiagram.of(this.graph, null, null).dot();
	}

	@Benchmark
	public String mermaidWithState() {
		return GraphDiagram.of(this.graph, null, this.halfApplied).mermaid();
	}

}
