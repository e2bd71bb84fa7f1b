package dev.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrations merge -m MSG REV...|heads}: writes a merge revision whose parents are
 * the given revisions.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Write a merge revision joining REV... (or all heads) and print its path.")
final class MergeCommand extends NewRevisionCommand {

	@Parameters(arity = "1..*", paramLabel = "REV", description = "the revisions to merge, or heads")
	List<String> revisions = new ArrayList<>();

	@Option(names = { "-m", "--message" }, paramLabel = "MSG",
			description = "what the merge is (default: merge <revisions>)")
	@Nullable String message;

	@Override
	NewRevision revision(RevisionGraph graph) {
		List<String> parents = parents(graph);
		String text = (this.message != null) ? this.message : "merge " + String.join(", ", parents);
		return NewRevision.empty(id(graph), parents, branchLabels(graph), List.of(), text);
	}

	private List<String> parents(RevisionGraph graph) {
		Set<String> parents = new LinkedHashSet<>();
		for (String revision : this.revisions) {
			parents.addAll(graph.resolve(revision, Set.of()));
		}
		if (parents.size() < 2) {
			throw new MigrationsException("Nothing to merge: " + String.join(" ", this.revisions) + " names "
					+ ((parents.size() == 1) ? "only " + parents.iterator().next() : "no revision")
					+ "; a merge needs two revisions or more");
		}
		for (String parent : parents) {
			for (String other : parents) {
				if (graph.ancestors(other).contains(parent)) {
					throw new MigrationsException("Cannot merge " + parent + " with its descendant " + other
							+ "; merge only the heads of separate branches");
				}
			}
		}
		return List.copyOf(parents);
	}

}
