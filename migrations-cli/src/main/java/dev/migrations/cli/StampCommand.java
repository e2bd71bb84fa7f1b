package dev.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrations stamp TARGET... [--purge] [--sql]}: records revisions as applied
 * without running them.
 */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = { "Record the database as being at TARGET(s) without running anything (adopting a database).",
				"With --sql, write the SQL to standard output instead; START:TARGET needs no database." })
final class StampCommand extends MigratorCommand {

	@Parameters(arity = "1..*", paramLabel = "TARGET",
			description = "head, heads, base, an id, ...; with --sql also START:TARGET (e.g. base:heads)")
	List<String> targets = new ArrayList<>();

	@Option(names = "--purge", description = "clear the version table first, then record exactly the targets")
	boolean purge;

	@Option(names = "--sql", description = "write the SQL the stamp would run instead of running it")
	boolean sql;

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public Integer call() {
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			if (this.sql) {
				throw new UsageException("--sql writes one script and takes no --targets");
			}
			this.targets.forEach(MigratorCommand::requireNoStart);
			return new FleetRun(this, this.fleet, "stamp").run(FleetRun.Kind.CHANGE,
					(fleet, targets) -> fleet.stamp(targets, this.targets, this.purge), FleetRun::printChange);
		}
		if (this.sql) {
			new OfflineSql(migrators(), log(), out()).stamp(this.targets, this.purge);
			return 0;
		}
		this.targets.forEach(MigratorCommand::requireNoStart);
		RunResult result = online().stamp(this.targets, this.purge);
		log().stamp(result.fromHeads(), result.toHeads());
		return 0;
	}

}
