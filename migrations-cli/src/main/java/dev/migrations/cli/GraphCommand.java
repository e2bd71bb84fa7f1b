package dev.migrations.cli;

import java.util.Set;

import dev.migrations.core.Migrator;
import dev.migrations.core.graph.GraphDiagram;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrations graph [--format mermaid|dot] [-r RANGE]}: a picture of the revision
 * graph; with a database configured, its current heads and pending revisions marked.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
		description = { "Print the revision graph as a Mermaid flowchart or a Graphviz DOT digraph.",
				"With a database configured, its current heads and pending revisions are marked." })
final class GraphCommand extends MigratorCommand {

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
			description = "mermaid (default) or dot")
	String format = "mermaid";

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "[start]:[end], e.g. 1a2b:, conversations@base:, :current")
	@Nullable String range;

	@Override
	public Integer call() {
		if (!this.format.equals("mermaid") && !this.format.equals("dot")) {
			throw new UsageException("Unknown graph format '" + this.format + "'; use mermaid or dot");
		}
		boolean database = migrators().hasDatabase() || (this.range != null && Identifiers.needDatabase(this.range));
		Migrator migrator = database ? online() : offline();
		@Nullable Set<String> applied = database ? applied(migrator.status()) : null;
		GraphDiagram diagram = GraphDiagram.of(migrator.graph(), this.range, applied);
		out().print(this.format.equals("dot") ? diagram.dot() : diagram.mermaid());
		out().flush();
		return 0;
	}

}
