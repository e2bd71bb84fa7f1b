package dev.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrations revision -m MSG}: writes a new SQL revision file on the current head
 * of the code and prints its path.
 */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = { "Write a new SQL revision file on the head of the code and print its path.",
				"It goes into the first filesystem: location, named {yyyyMMdd}_{HHmm}_{revision}_{slug}.sql." })
final class RevisionCommand extends NewRevisionCommand {

	@Option(names = { "-m", "--message" }, required = true, paramLabel = "MSG", description = "what the revision does")
	String message = "";

	@Option(names = "--head", paramLabel = "R",
			description = "the revision to build on (default: the single head); base starts a new branch")
	@Nullable String head;

	@Option(names = "--splice", description = "allow --head to name a revision that is not a head (a new branch)")
	boolean splice;

	@Option(names = "--depends-on", paramLabel = "R", split = ",",
			description = "revision(s) or branch label(s) this revision depends on")
	List<String> dependsOn = new ArrayList<>();

	@Override
	NewRevision revision(RevisionGraph graph) {
		List<String> dependencies = this.dependsOn.stream().map((each) -> dependency(graph, each)).toList();
		return NewRevision.empty(id(graph), parents(graph), branchLabels(graph), dependencies, this.message);
	}

	private List<String> parents(RevisionGraph graph) {
		if (this.head == null) {
			List<String> heads = graph.heads();
			if (heads.size() > 1) {
				throw new MigrationsException("Multiple heads are present (" + String.join(", ", heads)
						+ "); please specify the head revision on which the new revision should be based "
						+ "(--head), or perform a merge ('migrations merge heads')");
			}
			return heads;
		}
		if (this.head.equals("base")) {
			return List.of();
		}
		List<String> resolved = graph.resolve(this.head, Set.of());
		if (resolved.size() != 1) {
			throw new MigrationsException("--head " + this.head + " names " + resolved.size() + " revisions ("
					+ String.join(", ", resolved) + "); name one");
		}
		String parent = resolved.get(0);
		if (!this.splice && !graph.heads().contains(parent)) {
			throw new MigrationsException("Revision " + parent + " is not a head revision; please specify --splice "
					+ "to create a new branch from this revision");
		}
		return resolved;
	}

	/**
	 * A dependency as written into the header: a branch label stays a label, anything
	 * else becomes the id it names.
	 */
	private static String dependency(RevisionGraph graph, String value) {
		boolean label = graph.revisions().stream().anyMatch((node) -> node.branchLabels().contains(value));
		if (label) {
			return value;
		}
		List<String> resolved = graph.resolve(value, Set.of());
		if (resolved.size() != 1) {
			throw new MigrationsException("--depends-on " + value + " names " + resolved.size() + " revisions ("
					+ String.join(", ", resolved) + "); name one");
		}
		return resolved.get(0);
	}

}
