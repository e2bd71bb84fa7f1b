package dev.migrations.test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.core.catalog.CatalogDifference;
import dev.migrations.test.StairwayWalk.Outcome;
import dev.migrations.test.database.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stairway forks branch states with {@code CREATE DATABASE ... TEMPLATE} on a graph
 * with a stem of five revisions, two branches, an irreversible revision on one of them
 * and a merge: the branch that no downgrade can reach starts from a copy of the state
 * before the split, with the outcomes of a replay, and no template is left on the server.
 */
class StairwayTemplatesPostgresTests {

	private static PostgresServer server;

	@BeforeAll
	static void locateServer() {
		server = PostgresServer.locate(System.getenv()).serverOrThrow();
	}

	@Test
	void theBranchPastTheIrreversibleRevisionStartsFromATemplateWithTheOutcomesOfAReplay() throws Exception {
		Walked replayed = walk(BranchedReplayed.class);
		Walked forked = walk(Branched.class);
		assertThat(replayed.restores()).isZero();
		assertThat(replayed.templates()).isEmpty();
		assertThat(forked.restores()).isEqualTo(1);
		assertThat(forked.templates()).hasSize(1);
		assertThat(forked.outcomes()).isEqualTo(replayed.outcomes())
			.containsExactly("5000000000a1 passed", "5000000000a2 passed", "5000000000a3 passed", "5000000000a4 passed",
					"5000000000a5 passed",
					"5000000000c8 skipped: irreversible: 5000000000c8 has no downgrade section, "
							+ "so the walk tests its upgrade only and never goes down through it",
					"5000000000b6 passed", "5000000000b7 passed", "5000000000d9 passed");
	}

	@Test
	void dataDeclaredBeforeRevisionsMeetsTheForkedBranchOnceAsInAReplay() throws Exception {
		Walked replayed = walk(BranchedWithDataReplayed.class);
		Walked forked = walk(BranchedWithData.class);
		assertThat(forked.restores()).isEqualTo(1);
		assertThat(forked.outcomes()).isEqualTo(replayed.outcomes()).allMatch((outcome) -> !outcome.contains("failed"));
	}

	@Test
	void theTemplatesAreDroppedWhenTheWalkEnds() throws Exception {
		Walked forked = walk(Branched.class);
		assertThat(forked.templates()).hasSize(1);
		assertThat(databases(forked.templates())).isEmpty();
		assertThat(databasesLike("mt_branched_template_%")).isEmpty();
		assertThat(databasesLike("mt_branched_fork_%")).isEmpty();
	}

	@Test
	void aTemplateNotUsedYetIsDroppedWhenTheWalkIsClosedEarly() throws Exception {
		KitContext context = new KitContext(Branched.class, Branched.class.getAnnotation(MigrationsTest.class), server);
		List<String> templates;
		try (StairwayWalk walk = new StairwayWalk(context, new Branched())) {
			// up to the irreversible revision: the state before the split is kept, not
			// used yet
			walk.outcome(5);
			templates = walk.templates().names();
			assertThat(databases(templates)).hasSize(1);
		}
		assertThat(databases(templates)).isEmpty();
	}

	@Test
	void theDynamicTestsKeepTheirNamesAndOutcomes() {
		Map<String, String> forked = KitResults.run(Branched.class).results();
		assertThat(forked).isEqualTo(KitResults.run(BranchedReplayed.class).results())
			.containsEntry("stairway / 5000000000b6 006_nickname.sql", "SUCCESSFUL")
			.containsEntry("downgradeLeavesNoTrace / 5000000000b6 006_nickname.sql", "SUCCESSFUL")
			.containsEntry("stairway / 5000000000d9 009_merge.sql", "SUCCESSFUL");
		assertThat(forked.get("stairway / 5000000000c8 008_split.sql")).startsWith("ABORTED irreversible");
	}

	/** Walks the fixture's stairway, closes the walk, and says what it did. */
	private static Walked walk(Class<? extends StandardRevisionTests> fixture) throws Exception {
		KitContext context = new KitContext(fixture, fixture.getAnnotation(MigrationsTest.class), server);
		StandardRevisionTests tests = fixture.getDeclaredConstructor().newInstance();
		List<String> outcomes = new ArrayList<>();
		StateTemplates templates;
		try (StairwayWalk walk = new StairwayWalk(context, tests)) {
			for (int index = 0; index < walk.order().size(); index++) {
				outcomes.add(describe(walk.outcome(index)));
			}
			templates = walk.templates();
		}
		return new Walked(outcomes, templates.restores(), templates.names());
	}

	private static String describe(Outcome outcome) {
		String id = outcome.revision().id();
		if (outcome.failedPhase() != null) {
			return id + " failed in " + outcome.failedPhase() + ": " + outcome.failure().getMessage();
		}
		if (outcome.skipReason() != null) {
			return id + " skipped: " + outcome.skipReason();
		}
		if (!outcome.trace().isEmpty() || !outcome.changed().isEmpty()) {
			return id + " differs: " + descriptions(outcome.trace()) + " / " + descriptions(outcome.changed());
		}
		return id + " passed";
	}

	private static String descriptions(List<CatalogDifference> differences) {
		return differences.stream().map(CatalogDifference::description).collect(Collectors.joining(", "));
	}

	private static List<String> databases(List<String> names) throws SQLException {
		try (Connection connection = server.connectToMaintenanceDatabase();
				PreparedStatement statement = connection
					.prepareStatement("SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
			Array array = connection.createArrayOf("text", names.toArray());
			statement.setArray(1, array);
			return names(statement);
		}
	}

	private static List<String> databasesLike(String pattern) throws SQLException {
		try (Connection connection = server.connectToMaintenanceDatabase();
				PreparedStatement statement = connection
					.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
			statement.setString(1, pattern);
			return names(statement);
		}
	}

	private static List<String> names(PreparedStatement statement) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	private record Walked(List<String> outcomes, int restores, List<String> templates) {
	}

	@MigrationsTest(locations = "classpath:kit/branched")
	static class Branched implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/branched", forkWithTemplates = false)
	static class BranchedReplayed implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/branched")
	static class BranchedWithData implements StandardRevisionTests {

		@Override
		public void beforeRevision(String revision, RevisionRunner runner) {
			if (revision.equals("5000000000a2")) {
				runner.insert("users", Map.of("id", 1, "name", "Ada"));
			}
			if (revision.equals("5000000000b6")) {
				runner.insert("users", Map.of("id", 2, "name", "Grace", "email", "grace@example.com"));
			}
		}

	}

	@MigrationsTest(locations = "classpath:kit/branched", forkWithTemplates = false)
	static class BranchedWithDataReplayed extends BranchedWithData {

	}

}
