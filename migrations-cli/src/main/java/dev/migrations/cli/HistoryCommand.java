package dev.migrations.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.Migrator;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrations history [-r RANGE] [-v] [-i] [--json]}: the revisions of the code,
 * newest first.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = { "List revisions newest first: 'parent -> revision (flags), message'.",
				"Reads only the code, unless -i or a range with current is given." })
final class HistoryCommand extends MigratorCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "[start]:[end], e.g. base:heads, 1a2b:, :current, -2:current")
	@Nullable String range;

	@Mixin
	OutputOptions.Verbose verbose = new OutputOptions.Verbose();

	@Option(names = { "-i", "--indicate-current" }, description = "mark the database's current revisions (current)")
	boolean indicateCurrent;

	@Mixin
	OutputOptions.JsonFormat json = new OutputOptions.JsonFormat();

	@Override
	public Integer call() {
		boolean database = this.indicateCurrent || (this.range != null && Identifiers.needDatabase(this.range));
		Migrator migrator = database ? online() : offline();
		Set<String> applied = database ? applied(migrator.status()) : Set.of();
		@Nullable List<String> current = this.indicateCurrent ? migrator.graph().currentHeads(applied) : null;
		RevisionFormat format = new RevisionFormat(migrator, current);
		List<RevisionNode> revisions = migrator.graph().history(this.range, applied);
		if (this.json.enabled) {
			Json.print(Map.of("revisions", revisions.stream().map(format::json).toList()), out());
			return 0;
		}
		for (RevisionNode revision : revisions) {
			out().println(this.verbose.enabled ? format.verbose(revision) : format.historyLine(revision));
		}
		return 0;
	}

}
