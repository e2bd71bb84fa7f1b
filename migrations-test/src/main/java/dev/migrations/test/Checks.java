package dev.migrations.test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import dev.migrations.core.MigrationsException;
import dev.migrations.core.catalog.CatalogDifference;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.test.StairwayWalk.Outcome;
import dev.migrations.test.StairwayWalk.Phase;

/** The bodies of {@link StandardRevisionTests}' tests and their messages. */
final class Checks {

	private Checks() {
	}

	static void singleHead(RevisionRunner runner) {
		RevisionGraph graph = runner.graph();
		List<String> heads = graph.heads();
		String locations = String.join(", ", runner.context().settings().locations());
		if (heads.isEmpty()) {
			Assertions.fail("No revisions in " + locations + ": check @MigrationsTest(locations = ...)");
		}
		if (heads.size() > 1) {
			String listed = heads.stream()
				.map((id) -> id + " (" + file(graph.find(id).orElseThrow()) + ")")
				.collect(Collectors.joining(", "));
			Assertions.fail("The revisions of " + locations + " have " + heads.size() + " heads: " + listed
					+ ". Join them with a merge revision: migrations merge -m \"merge heads\" heads");
		}
	}

	static void upgradeFromBase(StandardRevisionTests tests, RevisionRunner runner) {
		try {
			if (DataHook.isDeclared(tests)) {
				for (Step step : runner.graph().planUpgrade(Set.of(), "heads").steps()) {
					tests.beforeRevision(step.revision().id(), runner);
					runner.upgradeTo(step.revision().id());
				}
			}
			else {
				runner.upgradeTo("heads");
			}
		}
		catch (MigrationsException ex) {
			Assertions.fail("Upgrading an empty database to the heads failed: " + ex.getMessage(), ex);
		}
		List<String> current = runner.current().stream().sorted().toList();
		List<String> heads = runner.heads().stream().sorted().toList();
		if (!current.equals(heads)) {
			Assertions
				.fail("After upgrading to the heads the database is at " + current + ", the code's heads are " + heads);
		}
	}

	static Stream<DynamicTest> stairway(StandardRevisionTests tests, RevisionRunner runner) {
		StairwayWalk walk = runner.context().walk(tests);
		return tests(walk, (outcome) -> {
			String revision = describe(outcome.revision());
			if (outcome.failedPhase() != null) {
				MigrationsException cause = (outcome.failure() instanceof MigrationsException migrations) ? migrations
						: null;
				String message = revision + ": " + outcome.failedPhase().words() + " failed: "
						+ String.valueOf(outcome.failure().getMessage());
				if (outcome.failedPhase() == Phase.SECOND_UPGRADE && !outcome.trace().isEmpty()) {
					message += "\nIts downgrade left a trace:" + lines(outcome.trace());
				}
				Assertions.fail(message, (cause != null) ? cause : outcome.failure());
			}
			if (outcome.skipReason() != null) {
				Assumptions.abort(outcome.skipReason());
			}
			if (!outcome.changed().isEmpty()) {
				Assertions
					.fail(revision + ": its upgrade after its downgrade gave another schema than its first upgrade:"
							+ lines(outcome.changed()));
			}
		});
	}

	static Stream<DynamicTest> downgradeLeavesNoTrace(StandardRevisionTests tests, RevisionRunner runner) {
		StairwayWalk walk = runner.context().walk(tests);
		return tests(walk, (outcome) -> {
			if (outcome.skipReason() != null) {
				Assumptions.abort(outcome.skipReason());
			}
			if (outcome.failedPhase() != null && outcome.failedPhase() != Phase.SECOND_UPGRADE) {
				Assumptions.abort("not checked: " + outcome.failedPhase().words() + " failed (see the stairway)");
			}
			if (!outcome.trace().isEmpty()) {
				Assertions
					.fail(describe(outcome.revision()) + ": its downgrade leaves a trace:" + lines(outcome.trace()));
			}
		});
	}

	static void modelMatchesDatabase(RevisionRunner runner) {
		ModelCheck.check(runner);
	}

	private static Stream<DynamicTest> tests(StairwayWalk walk, Check check) {
		List<RevisionNode> order = walk.order();
		return IntStream.range(0, order.size())
			.mapToObj((index) -> DynamicTest.dynamicTest(order.get(index).id() + " " + file(order.get(index)),
					() -> check.check(walk.outcome(index))));
	}

	private static String describe(RevisionNode revision) {
		return "Revision " + revision.id() + " (" + file(revision) + ")";
	}

	static String file(RevisionNode revision) {
		String source = revision.source();
		int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
		return (slash >= 0) ? source.substring(slash + 1) : source;
	}

	private static String lines(List<CatalogDifference> differences) {
		return differences.stream()
			.map((difference) -> "\n  " + difference.description())
			.collect(Collectors.joining());
	}

	@FunctionalInterface
	private interface Check {

		void check(Outcome outcome);

	}

}
