package dev.migrations.cli;

import java.util.List;

import dev.migrations.core.Fleet;
import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;
import dev.migrations.core.Fleet.TargetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrations downgrade TARGET [--sql]}: reverts revisions down to a target. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = { "Downgrade the database to TARGET, logging 'Running downgrade B -> A, message' per revision.",
				"With --sql, write the SQL to standard output instead; START:TARGET needs no database." })
final class DowngradeCommand extends RunCommand {

	@Parameters(paramLabel = "TARGET",
			description = "-1, base, an id, <label>@base, ...; with --sql also START:TARGET (e.g. heads:base)")
	String target = "";

	@Override
	String target() {
		return this.target;
	}

	@Override
	void render(OfflineSql sql, String target) {
		sql.downgrade(target);
	}

	@Override
	RunResult run(Migrator migrator, String target) {
		return migrator.downgrade(target);
	}

	@Override
	List<TargetResult> run(Fleet fleet, List<Fleet.Target> targets, String target) {
		return fleet.downgrade(targets, target);
	}

	@Override
	String name() {
		return "downgrade";
	}

}
