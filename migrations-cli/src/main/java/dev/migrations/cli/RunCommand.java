package dev.migrations.cli;

import java.util.List;

import dev.migrations.core.Fleet;
import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;
import dev.migrations.core.Fleet.TargetResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: a run to a target, logged per
 * revision, or its SQL with {@code --sql}.
 */
abstract class RunCommand extends MigratorCommand {

	@Option(names = "--sql", description = "write the SQL it would run to standard output instead of running it")
	boolean sql;

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public final Integer call() {
		String target = target();
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			if (this.sql) {
				throw new UsageException("--sql writes one script and takes no --targets");
			}
			requireNoStart(target);
			return new FleetRun(this, this.fleet, name()).run(FleetRun.Kind.CHANGE,
					(fleet, targets) -> run(fleet, targets, target), FleetRun::printChange);
		}
		if (this.sql) {
			render(new OfflineSql(migrators(), log(), out()), target);
			return 0;
		}
		requireNoStart(target);
		RunResult result = run(online(), target);
		if (result.steps().isEmpty()) {
			log().info("Nothing to " + result.operation().columnValue() + ": the database is at "
					+ RevisionFormat.heads(result.toHeads()));
		}
		return 0;
	}

	/** The target as given, possibly {@code START:TARGET} with {@code --sql}. */
	abstract String target();

	abstract void render(OfflineSql sql, String target);

	abstract RunResult run(Migrator migrator, String target);

	abstract List<TargetResult> run(Fleet fleet, List<Fleet.Target> targets, String target);

	/** The command's name, for messages and reports. */
	abstract String name();

}
