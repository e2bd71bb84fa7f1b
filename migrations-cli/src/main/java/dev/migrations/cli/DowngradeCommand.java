package dev.migrations.cli;

import dev.migrations.core.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrations downgrade TARGET [--sql]}: reverts revisions down to a target. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = { "Downgrade the database to TARGET, logging 'Running downgrade B -> A, message' per revision.",
				"With --sql, write the SQL to standard output instead; START:TARGET needs no database." })
final class DowngradeCommand extends MigratorCommand {

	@Parameters(paramLabel = "TARGET",
			description = "-1, base, an id, <label>@base, ...; with --sql also START:TARGET (e.g. heads:base)")
	String target = "";

	@Option(names = "--sql", description = "write the SQL the downgrade would run instead of running it")
	boolean sql;

	@Override
	public Integer call() {
		if (this.sql) {
			new OfflineSql(migrators(), log(), out()).downgrade(this.target);
			return 0;
		}
		requireNoStart(this.target);
		RunResult result = online().downgrade(this.target);
		if (result.steps().isEmpty()) {
			log().info("Nothing to downgrade: the database is at " + RevisionFormat.heads(result.toHeads()));
		}
		return 0;
	}

}
