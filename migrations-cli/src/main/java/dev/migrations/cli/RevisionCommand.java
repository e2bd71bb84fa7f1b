package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.LintFinding;
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

	@Option(names = "--autogenerate",
			description = "compare the model (--model) with the revisions and write the difference as the revision")
	boolean autogenerate;

	@Option(names = "--model", paramLabel = "FILE",
			description = "with --autogenerate: the model's create script (the JPA-standard script the application emits)")
	@Nullable Path model;

	@Option(names = "--dev-url", paramLabel = "URL",
			description = "with --autogenerate: the server of the scratch databases (default: --url); JDBC or postgresql:// URL")
	@Nullable String devUrl;

	private Autogenerate.@Nullable Result result;

	private @Nullable NewRevision generated;

	@Override
	@Nullable NewRevision revision(RevisionGraph graph) {
		List<String> dependencies = this.dependsOn.stream().map((each) -> dependency(graph, each)).toList();
		if (!this.autogenerate) {
			if (this.model != null || this.devUrl != null) {
				throw new UsageException("--model and --dev-url go with --autogenerate");
			}
			return NewRevision.empty(id(graph), parents(graph), branchLabels(graph), dependencies, this.message);
		}
		if (this.model == null) {
			throw new UsageException("--autogenerate needs --model FILE: the model's create script");
		}
		String script;
		try {
			script = Files.readString(this.model);
		}
		catch (IOException ex) {
			throw new UsageException("Cannot read the model " + this.model + ": " + ex.getMessage());
		}
		Autogenerate.Result generated = Autogenerate.builder(offline().configuration())
			.model(script, this.model.toString())
			.scratchServer(scratchServer())
			.parents(parents(graph))
			.id(id(graph))
			.message(this.message)
			.run();
		this.result = generated;
		NewRevision revision = generated.revision();
		if (revision == null) {
			return null;
		}
		this.generated = new NewRevision(revision.id(), revision.downRevisions(), branchLabels(graph), dependencies,
				revision.message(), revision.upgrade(), revision.downgrade());
		return this.generated;
	}

	@Override
	int written(Path file) {
		if (this.generated != null) {
			lint(this.generated, file);
		}
		if (this.result != null && this.result.roundTripFailure() != null) {
			err().println("FAILED: the generated revision did not survive its round trip in the scratch databases: "
					+ this.result.roundTripFailure() + "; review " + file + " before using it");
			return 1;
		}
		return 0;
	}

	/**
	 * Lints the generated revision as {@code migrations lint} would, printing its
	 * findings on standard error (standard output holds the path alone). Findings never
	 * change the exit code: the file is there to be reviewed, and {@code lint} and
	 * {@code check} are the gates.
	 */
	private void lint(NewRevision revision, Path file) {
		List<LintFinding> findings = offline().lint(revision, file.toString());
		if (findings.isEmpty()) {
			return;
		}
		findings.forEach((finding) -> err().println(finding.format()));
		err().flush();
		long errors = findings.stream().filter((finding) -> finding.severity() == LintFinding.Severity.ERROR).count();
		log().info("Lint: " + errors + " error(s) and " + (findings.size() - errors) + " warning(s) in " + file
				+ ": review them before the revision reaches a live database (see 'migrations lint')");
	}

	private DatabaseUrl scratchServer() {
		if (this.devUrl != null) {
			return this.devUrl.startsWith("jdbc:") ? new DatabaseUrl(this.devUrl, null, null)
					: DatabaseUrl.parse(this.devUrl);
		}
		ConnectionSettings connection = cli().connectionSettings();
		if (connection.url() == null) {
			throw new UsageException("--autogenerate needs a server for its scratch databases: give --dev-url "
					+ "(or --url, MIGRATIONS_URL, DATABASE_URL)");
		}
		return new DatabaseUrl(connection.url(), connection.user(), connection.password());
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
