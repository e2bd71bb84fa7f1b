package dev.migrations.cli;

import java.util.List;
import java.util.Map;

import dev.migrations.core.Migrator;
import dev.migrations.core.graph.RevisionNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrations heads [-v] [--json]}: the heads of the code. */
@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the head revisions of the code (no database needed).")
final class HeadsCommand extends MigratorCommand {

	@Mixin
	OutputOptions.Verbose verbose = new OutputOptions.Verbose();

	@Mixin
	OutputOptions.JsonFormat json = new OutputOptions.JsonFormat();

	@Override
	public Integer call() {
		Migrator migrator = offline();
		RevisionFormat format = new RevisionFormat(migrator, null);
		List<RevisionNode> heads = migrator.graph()
			.heads()
			.stream()
			.map((id) -> migrator.graph().find(id).orElseThrow())
			.toList();
		if (this.json.enabled) {
			Json.print(Map.of("heads", heads.stream().map(format::json).toList()), out());
			return 0;
		}
		for (RevisionNode head : heads) {
			out().println(this.verbose.enabled ? format.verbose(head) : format.headLine(head));
		}
		return 0;
	}

}
