package dev.migrations.cli;

import java.util.List;

import dev.migrations.core.Fleet;
import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;
import dev.migrations.core.Fleet.TargetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrations upgrade [TARGET] [--sql]}: runs pending revisions up to a target. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = { "Upgrade the database to TARGET, logging 'Running upgrade A -> B, message' per revision.",
				"With --sql, write the SQL to standard output instead; START:TARGET needs no database." })
final class UpgradeCommand extends RunCommand {

	@Parameters(arity = "0..1", paramLabel = "TARGET", defaultValue = "heads",
			description = "heads (default), head, an id, +N, <label>@head, ...; with --sql also START:TARGET")
	String target = "heads";

	@Override
	String target() {
		return this.target;
	}

	@Override
	void render(OfflineSql sql, String target) {
		sql.upgrade(target);
	}

	@Override
	RunResult run(Migrator migrator, String target) {
		return migrator.upgrade(target);
	}

	@Override
	List<TargetResult> run(Fleet fleet, List<Fleet.Target> targets, String target) {
		return fleet.upgrade(targets, target);
	}

	@Override
	String name() {
		return "upgrade";
	}

}
