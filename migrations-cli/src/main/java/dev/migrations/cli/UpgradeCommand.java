package dev.migrations.cli;

import dev.migrations.core.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrations upgrade [TARGET] [--sql]}: runs pending revisions up to a target. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = { "Upgrade the database to TARGET, logging 'Running upgrade A -> B, message' per revision.",
				"With --sql, write the SQL to standard output instead; START:TARGET needs no database." })
final class UpgradeCommand extends MigratorCommand {

	@Parameters(arity = "0..1", paramLabel = "TARGET", defaultValue = "heads",
			description = "heads (default), head, an id, +N, <label>@head, ...; with --sql also START:TARGET")
	String target = "heads";

	@Option(names = "--sql", description = "write the SQL the upgrade would run instead of running it")
	boolean sql;

	@Override
	public Integer call() {
		if (this.sql) {
			new OfflineSql(migrators(), log(), out()).upgrade(this.target);
			return 0;
		}
		requireNoStart(this.target);
		RunResult result = online().upgrade(this.target);
		if (result.steps().isEmpty()) {
			log().info("Nothing to upgrade: the database is at " + RevisionFormat.heads(result.toHeads()));
		}
		return 0;
	}

}
