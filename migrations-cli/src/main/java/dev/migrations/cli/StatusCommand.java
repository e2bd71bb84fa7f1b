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

import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
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

	@Override
	public Integer call() {
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
