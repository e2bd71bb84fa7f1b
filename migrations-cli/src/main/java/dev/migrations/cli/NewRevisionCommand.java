package dev.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What {@code revision} and {@code merge} share: the {@code --rev-id} and
 * {@code --branch-label} options, and writing the file.
 */
abstract class NewRevisionCommand extends MigratorCommand {

	@Option(names = "--branch-label", paramLabel = "L", split = ",", description = "branch label(s) to declare")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "the revision id (default: 12 fresh hex characters)")
	@Nullable String revId;

	@Override
	public final Integer call() {
		RevisionFileWriter writer = new RevisionFileWriter(migrators(), cli().clock());
		writer.directory();
		RevisionGraph graph = offline().graph();
		NewRevision revision = revision(graph);
		Path file = writer.write(revision, log());
		out().println(file);
		return 0;
	}

	/** The revision to write, on the code's graph. */
	abstract NewRevision revision(RevisionGraph graph);

	/** The id from {@code --rev-id}, checked, or a fresh one. */
	final String id(RevisionGraph graph) {
		return (this.revId != null) ? RevisionFileWriter.checkId(this.revId, graph) : RevisionFileWriter.freshId(graph);
	}

	/** The labels of {@code --branch-label}, checked. */
	final List<String> branchLabels(RevisionGraph graph) {
		this.branchLabels.forEach((label) -> RevisionFileWriter.checkLabel(label, graph));
		return this.branchLabels;
	}

}
