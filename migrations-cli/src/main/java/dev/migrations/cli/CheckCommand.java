package dev.migrations.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.Fleet;
import dev.migrations.core.LintFinding;
import dev.migrations.core.MigrationState;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.Fleet.TargetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrations check}: a deploy gate. Exits 0 only when the revisions load into a
 * valid graph, the database is at the code's heads, and nothing failed or drifted;
 * otherwise prints every reason and exits 1.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = {
				"Exit 0 only if the revisions are valid, the database is at their heads and nothing failed or "
						+ "drifted (a deploy gate).",
				"Otherwise print why (lint errors of pending revisions included) and exit 1." })
final class CheckCommand extends MigratorCommand {

	@Mixin
	FleetOptions fleet = new FleetOptions();

	@Override
	public Integer call() {
		this.fleet.requireTargetsForOptions();
		if (this.fleet.enabled()) {
			return new FleetRun(this, this.fleet, "check").run(FleetRun.Kind.CHECK, Fleet::status,
					CheckCommand::printFleet);
		}
		Migrator migrator = online();
		MigrationStatus status = migrator.status();
		List<String> problems = problems(status);
		if (!status.pending().isEmpty()) {
			for (LintFinding finding : migrator.lint(status.pending())) {
				if (finding.severity() == LintFinding.Severity.ERROR) {
					problems.add("lint error in pending revision " + finding.revision() + ": " + finding.format());
				}
			}
		}
		if (problems.isEmpty()) {
			out().println("OK: the database is at the code's heads (" + RevisionFormat.heads(status.codeHeads()) + ")");
			return 0;
		}
		out().println("The database does not match the code (" + status.state() + "):");
		problems.forEach((problem) -> out().println("  - " + problem));
		throw new CheckFailedException(problems.size());
	}

	private static void printFleet(List<TargetResult> results, Migrator migrator, PrintWriter out) {
		List<TargetResult> wrong = results.stream().filter((result) -> !result.status().done()).toList();
		if (wrong.isEmpty()) {
			out.println("OK: " + results.size() + " target(s) are at the code's heads ("
					+ RevisionFormat.heads(migrator.graph().heads()) + ")");
			return;
		}
		out.println(wrong.size() + " of " + results.size() + " target(s) do not match the code:");
		for (TargetResult result : wrong) {
			List<String> problems = (result.detail() != null) ? problems(result.detail())
					: List.of((result.failure() != null) ? result.failure().message() : "not checked");
			out.println("  " + result.target() + " (" + result.status() + "):");
			problems.forEach((problem) -> out.println("    - " + problem));
		}
	}

	private static List<String> problems(MigrationStatus status) {
		List<String> problems = new ArrayList<>();
		for (RevisionStatus revision : status.revisions()) {
			if (revision.state() == RevisionState.FAILED) {
				problems.add("revision " + revision.id() + " is recorded FAILED: complete or undo it by hand, then run "
						+ "'migrations repair'");
			}
			else if (revision.state() == RevisionState.RUNNING) {
				problems.add("revision " + revision.id() + " is running now: wait for that run to finish");
			}
			else if (Boolean.FALSE.equals(revision.checksumMatches())) {
				problems.add("revision " + revision.id() + " (" + source(revision)
						+ ") changed after it was applied: restore the file, or accept the change with "
						+ "'migrations repair --checksums'");
			}
			else if (revision.spliced()) {
				problems.add("revision " + revision.id() + " (" + source(revision)
						+ ") is not applied but revisions above it are: it was inserted into applied history");
			}
		}
		List<String> unknown = status.revisionsIn(RevisionState.UNKNOWN).stream().map(RevisionStatus::id).toList();
		if (!unknown.isEmpty()) {
			problems.add("the database records revision(s) unknown to the code: " + String.join(", ", unknown)
					+ " (it is ahead of the code)");
		}
		if (!status.pending().isEmpty() && status.state() != MigrationState.DRIFTED) {
			problems.add(status.pending().size() + " revision(s) pending: " + String.join(", ", status.pending())
					+ "; run 'migrations upgrade'");
		}
		return problems;
	}

	private static String source(RevisionStatus revision) {
		return (revision.node() != null) ? revision.node().source() : "unknown to the code";
	}

	/** The check found problems; they are printed already. */
	static final class CheckFailedException extends RuntimeException {

		CheckFailedException(int problems) {
			super("check failed: " + problems + " problem(s) found");
		}

	}

}
