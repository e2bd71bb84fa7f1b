package dev.migrations.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migrations.core.Fleet;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.Fleet.TargetResult;
import dev.migrations.core.graph.RevisionNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrations current [-v] [--json]}: the revisions the database is at, one line
 * per head ({@code 3f2a9c1b7d4e (head)}); nothing at base.
 */
@Command(name = "current", mixinStandardHelpOptions = true,
		description = "Show the current revision(s) of the database; nothing when it is at base.")
final class CurrentCommand extends MigratorCommand {

	@Mixin
	OutputOptions.Verbose verbose = new OutputOptions.Verbose();

	@Mixin
	OutputOptions.JsonFormat json = new OutputOptions.JsonFormat();

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public Integer call() {
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			return new FleetRun(this, this.fleet, "current").run(FleetRun.Kind.READ, Fleet::status,
					(results, migrator, out) -> printFleet(results, out));
		}
		Migrator migrator = online();
		MigrationStatus status = migrator.status();
		RevisionFormat format = new RevisionFormat(migrator, null);
		List<Object> current = new ArrayList<>();
		for (String head : status.currentHeads()) {
			Optional<RevisionNode> node = migrator.graph().find(head);
			if (this.json.enabled) {
				current.add(node.map(format::json).orElseGet(() -> unknown(status, head)));
			}
			else if (node.isPresent()) {
				out().println(this.verbose.enabled ? format.verbose(node.get()) : format.currentLine(node.get()));
			}
			else {
				out().println(head + " (unknown to the code)");
			}
		}
		if (this.json.enabled) {
			Json.print(Map.of("current", current), out());
		}
		return 0;
	}

	/** {@code t_0001: 002 (head)}, one line per target; with --json a list. */
	private void printFleet(List<TargetResult> results, PrintWriter out) {
		List<Object> json = new ArrayList<>();
		for (TargetResult result : results) {
			if (this.json.enabled) {
				Map<String, Object> each = new LinkedHashMap<>();
				each.put("target", result.target());
				each.put("current", result.headsAfter());
				each.put("state", (result.state() != null) ? result.state().name() : result.status().name());
				json.add(each);
			}
			else if (result.failure() != null) {
				out.println(result.target() + ": " + result.status() + ": " + result.failure().message());
			}
			else {
				out.println(result.target() + ": " + RevisionFormat.heads(result.headsAfter()));
			}
		}
		if (this.json.enabled) {
			Json.print(Map.of("targets", json), out);
		}
	}

	private static Map<String, Object> unknown(MigrationStatus status, String id) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", id);
		status.revision(id)
			.map(RevisionStatus::downRevisions)
			.ifPresent((parents) -> json.put("downRevisions", parents));
		status.revision(id).map(RevisionStatus::message).ifPresent((message) -> json.put("message", message));
		json.put("unknown", true);
		return json;
	}

}
