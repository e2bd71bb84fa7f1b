package dev.migrations.cli;

import java.util.Set;

import dev.migrations.core.Migrator;
import dev.migrations.core.graph.RevisionNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrations branches [-v]}: each branch point with the revisions it branches
 * into.
 */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points of the code and their branches (no database needed).")
final class BranchesCommand extends MigratorCommand {

	@Mixin
	OutputOptions.Verbose verbose = new OutputOptions.Verbose();

	@Override
	public Integer call() {
		Migrator migrator = offline();
		RevisionFormat format = new RevisionFormat(migrator, null);
		Set<String> branchPoints = Set.copyOf(migrator.graph().branchPoints());
		for (RevisionNode node : migrator.graph().history(null, Set.of())) {
			if (!branchPoints.contains(node.id())) {
				continue;
			}
			out().println(this.verbose.enabled ? format.verbose(node) : format.branchLine(node, false));
			String indent = " ".repeat(node.id().length());
			for (RevisionNode child : format.children(node)) {
				out().println(indent + " -> " + format.branchLine(child, this.verbose.enabled));
			}
			out().println();
		}
		return 0;
	}

}
