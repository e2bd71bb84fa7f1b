package dev.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
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
final class MergeCommand extends MigratorCommand {

	@Parameters(arity = "1..*", paramLabel = "REV", description = "the revisions to merge, or heads")
	List<String> revisions = new ArrayList<>();

	@Option(names = { "-m", "--message" }, paramLabel = "MSG",
			description = "what the merge is (default: merge <revisions>)")
	@Nullable String message;

	@Option(names = "--branch-label", paramLabel = "L", split = ",", description = "branch label(s) to declare")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "the revision id (default: 12 fresh hex characters)")
	@Nullable String revId;

	@Override
	public Integer call() {
		RevisionFileWriter writer = new RevisionFileWriter(migrators(), cli().clock());
		writer.directory();
		Migrator migrator = offline();
		RevisionGraph graph = migrator.graph();
		List<String> parents = parents(graph);
		String id = (this.revId != null) ? RevisionFileWriter.checkId(this.revId, graph)
				: RevisionFileWriter.freshId(graph);
		this.branchLabels.forEach((label) -> RevisionFileWriter.checkLabel(label, graph));
		String text = (this.message != null) ? this.message : "merge " + String.join(", ", parents);
		Path file = writer.write(new NewRevision(id, text, parents, this.branchLabels, List.of()), log());
		out().println(file);
		return 0;
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
