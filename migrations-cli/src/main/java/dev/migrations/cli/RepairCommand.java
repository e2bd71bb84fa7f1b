package dev.migrations.cli;

import dev.migrations.core.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrations repair [--checksums]}: clears {@code FAILED} marks after a manual fix
 * and, with {@code --checksums}, accepts edited files.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
		description = { "Clear FAILED marks after a manual fix; with --checksums, accept edited files.",
				"A cleared revision counts as not applied (stamp one you completed by hand); --checksums records the "
						+ "current upgrade sections of changed applied revisions." })
final class RepairCommand extends MigratorCommand {

	@Option(names = "--checksums", description = "record the code's checksums for applied revisions that changed")
	boolean checksums;

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public Integer call() {
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			return new FleetRun(this, this.fleet, "repair").run(FleetRun.Kind.CHANGE,
					(fleet, targets) -> fleet.repair(targets, this.checksums), FleetRun::printChange);
		}
		RepairResult result = online().repair(this.checksums);
		result.clearedFailures()
			.forEach((id) -> out().println("Cleared the FAILED mark of " + id + ": it counts as not applied"));
		result.acceptedChecksums().forEach((id) -> out().println("Accepted the changed checksum of " + id));
		if (result.clearedFailures().isEmpty() && result.acceptedChecksums().isEmpty()) {
			out().println("Nothing to repair");
		}
		return 0;
	}

}
