package dev.migrations.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.io.PrintWriter;

import dev.migrations.core.Fleet;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.Fleet.TargetResult;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrations status [--json]}: every revision with its state, applied time and
 * duration, oldest first, in the style of Flyway's {@code info}.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show every revision with its state, applied time and duration, oldest first.")
final class StatusCommand extends MigratorCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Mixin
	OutputOptions.JsonFormat json = new OutputOptions.JsonFormat();

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public Integer call() {
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			return new FleetRun(this, this.fleet, "status").run(FleetRun.Kind.READ, Fleet::status,
					(results, migrator, out) -> {
						if (this.json.enabled) {
							Json.print(fleetJson(results, migrator), out);
						}
						else {
							printFleet(results, migrator, out);
						}
					});
		}
		Migrator migrator = online();
		MigrationStatus status = migrator.status();
		List<RevisionStatus> revisions = oldestFirst(migrator, status);
		if (this.json.enabled) {
			Json.print(json(status, revisions), out());
			return 0;
		}
		out().println("State: " + status.state());
		out().println("Current: " + RevisionFormat.heads(status.currentHeads()));
		out().println("Heads: " + RevisionFormat.heads(status.codeHeads()));
		if (revisions.isEmpty()) {
			out().println("No revisions found");
			return 0;
		}
		ZoneId zone = cli().clock().getZone();
		TextTable table = new TextTable("Revision", "Message", "State", "Applied at", "Duration");
		for (RevisionStatus revision : revisions) {
			table.row(revision.id(), revision.message(), stateOf(revision), time(revision.appliedAt(), zone),
					duration(revision.executionTime()));
		}
		out().print(table.render());
		return 0;
	}

	/**
	 * The code's revisions in upgrade order (oldest first), then those only the database
	 * knows.
	 */
	private static List<RevisionStatus> oldestFirst(Migrator migrator, MigrationStatus status) {
		List<RevisionNode> nodes = new ArrayList<>(migrator.graph().history(null, Set.of()));
		Collections.reverse(nodes);
		List<RevisionStatus> revisions = new ArrayList<>();
		nodes.forEach((node) -> status.revision(node.id()).ifPresent(revisions::add));
		status.revisions().stream().filter((revision) -> revision.node() == null).forEach(revisions::add);
		return revisions;
	}

	/**
	 * The state shown: the revision's state, {@code DRIFTED} for an applied revision
	 * whose upgrade changed, {@code SPLICED} for a pending one below applied revisions.
	 */
	static String stateOf(RevisionStatus revision) {
		if (revision.state() == RevisionState.APPLIED && Boolean.FALSE.equals(revision.checksumMatches())) {
			return "DRIFTED";
		}
		if (revision.state() == RevisionState.PENDING && revision.spliced()) {
			return "SPLICED";
		}
		return revision.state().name();
	}

	private static String time(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? TIME.format(instant.atZone(zone)) : "";
	}

	private static String duration(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() + " ms" : "";
	}

	/**
	 * The fleet's status: how many targets in each state, the heads histogram (most
	 * targets first) and every target not up to date, drifted and failed ones first.
	 */
	static Map<String, Object> fleetJson(List<TargetResult> results, Migrator migrator) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("targets", results.size());
		json.put("codeHeads", migrator.graph().heads());
		json.put("counts", FleetRun.counts(results));
		List<Object> histogram = new ArrayList<>();
		heads(results).forEach((heads, count) -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("heads", heads);
			each.put("targets", count);
			histogram.add(each);
		});
		json.put("heads", histogram);
		json.put("drifted", problems(results, TargetResult.Status.DRIFTED));
		List<Object> failed = new ArrayList<>();
		for (TargetResult result : results) {
			if (!result.status().done() && result.status() != TargetResult.Status.DRIFTED
					&& result.status() != TargetResult.Status.PENDING) {
				failed.add(problem(result));
			}
		}
		json.put("failed", failed);
		json.put("pending", problems(results, TargetResult.Status.PENDING));
		return json;
	}

	private static void printFleet(List<TargetResult> results, Migrator migrator, PrintWriter out) {
		out.println("Targets: " + FleetRun.countLine(results));
		out.println("Heads of the code: " + RevisionFormat.heads(migrator.graph().heads()));
		out.println("Targets by current heads:");
		heads(results).forEach((heads, count) -> out.println("  " + RevisionFormat.heads(heads) + ": " + count));
		for (TargetResult result : results) {
			if (!result.status().done()) {
				Map<String, Object> problem = problem(result);
				out.println("  " + result.target() + " " + result.status() + ": " + problem.get("problem"));
			}
		}
	}

	/** Current heads and how many targets are at them, most targets first. */
	private static Map<List<String>, Integer> heads(List<TargetResult> results) {
		Map<List<String>, Integer> counts = new LinkedHashMap<>();
		results.stream()
			.filter((result) -> result.failure() == null && result.status() != TargetResult.Status.SKIPPED)
			.forEach((result) -> counts.merge(result.headsAfter(), 1, Integer::sum));
		Map<List<String>, Integer> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<List<String>, Integer>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	private static List<Object> problems(List<TargetResult> results, TargetResult.Status status) {
		return results.stream()
			.filter((result) -> result.status() == status)
			.<Object>map(StatusCommand::problem)
			.toList();
	}

	private static Map<String, Object> problem(TargetResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("target", result.target());
		json.put("status", result.status().name());
		json.put("current", result.headsAfter());
		MigrationStatus detail = result.detail();
		if (result.failure() != null) {
			json.put("problem", result.failure().message());
			json.put("error", FleetRun.error(result.failure()));
		}
		else if (detail != null && result.status() == TargetResult.Status.DRIFTED) {
			List<RevisionStatus> changed = detail.revisions()
				.stream()
				.filter((revision) -> Boolean.FALSE.equals(revision.checksumMatches()) || revision.spliced())
				.toList();
			json.put("problem", changed.stream()
				.map((revision) -> revision.id() + " (" + ((revision.node() != null) ? revision.node().source() : "")
						+ ") "
						+ (revision.spliced() ? "was spliced into applied history" : "changed after it was applied"))
				.collect(java.util.stream.Collectors.joining("; ")));
			json.put("revisions", changed.stream().map(RevisionStatus::id).toList());
		}
		else if (detail != null && result.status() == TargetResult.Status.FAILED) {
			List<String> failed = detail.revisionsIn(RevisionState.FAILED).stream().map(RevisionStatus::id).toList();
			json.put("problem", "revision(s) recorded FAILED: " + String.join(", ", failed)
					+ "; complete or undo them by hand, then run 'migrations repair'");
			json.put("revisions", failed);
		}
		else if (detail != null && result.status() == TargetResult.Status.PENDING) {
			json.put("problem",
					detail.pending().size() + " revision(s) pending: " + String.join(", ", detail.pending()));
			json.put("revisions", detail.pending());
		}
		else {
			json.put("problem", "not run");
		}
		return json;
	}

	private static Map<String, Object> json(MigrationStatus status, List<RevisionStatus> revisions) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("state", status.state().name());
		json.put("current", status.currentHeads());
		json.put("heads", status.codeHeads());
		json.put("pending", status.pending());
		List<Object> list = new ArrayList<>();
		for (RevisionStatus revision : revisions) {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("revision", revision.id());
			each.put("downRevisions", revision.downRevisions());
			each.put("message", revision.message());
			each.put("state", stateOf(revision));
			each.put("appliedAt", revision.appliedAt());
			each.put("appliedBy", revision.appliedBy());
			each.put("executionTimeMs",
					(revision.executionTime() != null) ? revision.executionTime().toMillis() : null);
			each.put("checksum", revision.checksum());
			each.put("checksumMatches", revision.checksumMatches());
			each.put("source", (revision.node() != null) ? revision.node().source() : null);
			list.add(each);
		}
		json.put("revisions", list);
		return json;
	}

}
