package dev.migrations.benchmarks.graph;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.graph.Plan;
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
 * Building a revision graph, resolving {@code heads} and planning base to heads, for
 * 1,000 and 10,000 revisions, linear and with many branches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RevisionGraphBenchmark {

	@Param({ "1000", "10000" })
	private int revisions;

	@Param({ "linear", "labelled", "branches" })
	private String shape;

	private List<RevisionNode> nodes = List.of();

	private RevisionGraph graph = RevisionGraph.of(List.of());

	@Setup
	public void setUp() {
		this.nodes = switch (this.shape) {
			case "linear" -> GraphShapes.linear(this.revisions);
			case "labelled" -> GraphShapes.labelled(this.revisions);
			default -> GraphShapes.branches(this.revisions);
		};
		this.graph = RevisionGraph.of(this.nodes);
	}

	@Benchmark
	public RevisionGraph build() {
		return RevisionGraph.of(this.nodes);
	}

	@Benchmark
	public List<String> resolveHeads() {
		return this.graph.resolve("heads", Set.of());
	}

	@Benchmark
	public Plan planBaseToHeads() {
		return this.graph.planUpgrade(Set.of(), "heads");
	}

	@Benchmark
	public Plan buildAndPlanBaseToHeads() {
		return RevisionGraph.of(this.nodes).planUpgrade(Set.of(), "heads");
	}

}
