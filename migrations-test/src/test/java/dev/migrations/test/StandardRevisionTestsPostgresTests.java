package dev.migrations.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard tests run on fixture revision sets, each proving that a check fails when
 * it should and passes when the revisions are right.
 */
class StandardRevisionTestsPostgresTests {

	@Test
	void correctRevisionsWithABranchAndAMergePassEveryCheck() {
		KitResults kit = KitResults.run(Good.class);
		assertThat(kit.results()).containsEntry("singleHead(RevisionRunner)", "SUCCESSFUL")
			.containsEntry("upgradeFromBase(RevisionRunner)", "SUCCESSFUL")
			.containsEntry("stairway / 1000000000a1 001_users.sql", "SUCCESSFUL")
			.containsEntry("stairway / 2000000000a2 002_tasks.sql", "SUCCESSFUL")
			.containsEntry("stairway / 3000000000b3 003_nickname.sql", "SUCCESSFUL")
			.containsEntry("stairway / 4000000000c4 004_merge.sql", "SUCCESSFUL")
			.containsEntry("downgradeLeavesNoTrace / 4000000000c4 004_merge.sql", "SUCCESSFUL");
		assertThat(kit.of("modelMatchesDatabase(RevisionRunner)")).startsWith("ABORTED no JPA model");
		kit.results().remove("modelMatchesDatabase(RevisionRunner)");
		assertThat(kit.results().values()).allMatch("SUCCESSFUL"::equals);
		assertThat(kit.results()).hasSize(2 + 2 * 4);
	}

	@Test
	void twoHeadsFailSingleHeadListingThemAndTheMergeCommand() {
		KitResults kit = KitResults.run(TwoHeads.class);
		assertThat(kit.of("singleHead(RevisionRunner)")).isEqualTo("FAILED The revisions of classpath:kit/twoheads "
				+ "have 2 heads: 2000000000a2 (002_tasks.sql), 3000000000b3 (003_tags.sql). "
				+ "Join them with a merge revision: migrations merge -m \"merge heads\" heads");
		assertThat(kit.of("upgradeFromBase(RevisionRunner)")).isEqualTo("SUCCESSFUL");
	}

	@Test
	void aDowngradeForgettingDropTypeFailsNamingTheRevisionAndTheType() {
		KitResults kit = KitResults.run(LeftoverType.class);
		assertThat(kit.of("downgradeLeavesNoTrace / 1000000000a1 001_users.sql")).isEqualTo("SUCCESSFUL");
		assertThat(kit.of("downgradeLeavesNoTrace / 2000000000a2 002_mood.sql"))
			.isEqualTo("FAILED Revision 2000000000a2 (002_mood.sql): its downgrade leaves a trace:\n"
					+ "  enum type mood left behind");
		// up, down, up fails too, the way Alembic users know it
		assertThat(kit.of("stairway / 2000000000a2 002_mood.sql"))
			.startsWith("FAILED Revision 2000000000a2 (002_mood.sql): its upgrade after its downgrade failed: ")
			.contains("type \"mood\" already exists")
			.endsWith("Its downgrade left a trace:\n  enum type mood left behind");
		// the walk recovers: the next revision is tested on a fresh database
		assertThat(kit.of("stairway / 3000000000a3 003_tags.sql")).isEqualTo("SUCCESSFUL");
		assertThat(kit.of("downgradeLeavesNoTrace / 3000000000a3 003_tags.sql")).isEqualTo("SUCCESSFUL");
	}

	@Test
	void aDowngradeForgettingAnIndexFailsNamingIt() {
		KitResults kit = KitResults.run(LeftoverIndex.class);
		assertThat(kit.results()).containsEntry("downgradeLeavesNoTrace / 2000000000a2 002_nickname.sql",
				"FAILED Revision 2000000000a2 (002_nickname.sql): its downgrade leaves a trace:\n"
						+ "  index ix_users_email left behind on table users");
	}

	@Test
	void anIrreversibleRevisionBoundsTheWalkWithAReasonAndTheRevisionsAboveItAreStillWalked() {
		KitResults kit = KitResults.run(Irreversible.class);
		assertThat(kit.of("stairway / 2000000000a2 002_split.sql"))
			.isEqualTo("ABORTED irreversible: 2000000000a2 has no "
					+ "downgrade section, so the walk tests its upgrade only and never goes down through it");
		assertThat(kit.of("stairway / 3000000000a3 003_tags.sql")).isEqualTo("SUCCESSFUL");
		assertThat(kit.of("downgradeLeavesNoTrace / 3000000000a3 003_tags.sql")).isEqualTo("SUCCESSFUL");
		assertThat(kit.of("upgradeFromBase(RevisionRunner)")).isEqualTo("SUCCESSFUL");
	}

	@Test
	void revisionsAtOrBelowTheMinimumAreOnlyUpgradedAndSkippedOnesAreStamped() {
		KitResults kit = KitResults.run(MinimumAndSkipped.class);
		assertThat(kit.of("stairway / 1000000000a1 001_users.sql")).isEqualTo(
				"ABORTED at or below minimumDowngradeRevision 1000000000a1 of @MigrationsTest: upgrade tested only");
		assertThat(kit.of("downgradeLeavesNoTrace / 2000000000a2 002_mood.sql"))
			.isEqualTo("ABORTED stamped, not run: listed in skipRevisions of @MigrationsTest");
		assertThat(kit.of("stairway / 3000000000a3 003_tags.sql")).isEqualTo("SUCCESSFUL");
	}

	@MigrationsTest(locations = "classpath:kit/good")
	static class Good implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/twoheads")
	static class TwoHeads implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/leftovertype")
	static class LeftoverType implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/leftoverindex")
	static class LeftoverIndex implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/irreversible")
	static class Irreversible implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/leftovertype", minimumDowngradeRevision = "1000000000a1",
			skipRevisions = "2000000000a2")
	static class MinimumAndSkipped implements StandardRevisionTests {

	}

}
