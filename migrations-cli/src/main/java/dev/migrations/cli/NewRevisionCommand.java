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
		if (revision == null) {
			out().println("No changes in schema detected.");
			return 0;
		}
		Path file = writer.write(revision, log());
		out().println(file);
		return written(file);
	}

	/** The revision to write, on the code's graph; {@code null} for none. */
	abstract @Nullable NewRevision revision(RevisionGraph graph);

	/** Called once the file is written; returns the exit code. */
	int written(Path file) {
		return 0;
	}

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
