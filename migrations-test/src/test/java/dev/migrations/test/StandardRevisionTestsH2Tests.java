package dev.migrations.test;

import org.junit.jupiter.api.Test;

import dev.migrations.test.MigrationsTest.Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard tests on H2: the same checks, the catalog read from INFORMATION_SCHEMA.
 */
class StandardRevisionTestsH2Tests {

	@Test
	void aDowngradeForgettingAnIndexFailsNamingItAndTheSecondUpgradeFails() {
		KitResults kit = KitResults.run(LeftoverIndex.class);
		assertThat(kit.results()).containsEntry("singleHead(RevisionRunner)", "SUCCESSFUL")
			.containsEntry("upgradeFromBase(RevisionRunner)", "SUCCESSFUL")
			.containsEntry("stairway / 1000000000a1 001_users.sql", "SUCCESSFUL")
			.containsEntry("downgradeLeavesNoTrace / 1000000000a1 001_users.sql", "SUCCESSFUL")
			.containsEntry("downgradeLeavesNoTrace / 2000000000a2 002_nickname.sql",
					"FAILED Revision 2000000000a2 (002_nickname.sql): its downgrade leaves a trace:\n"
							+ "  index IX_USERS_EMAIL left behind on table USERS");
		assertThat(kit.of("stairway / 2000000000a2 002_nickname.sql"))
			.startsWith("FAILED Revision 2000000000a2 (002_nickname.sql): its upgrade after its downgrade failed: ")
			.contains("Index \"IX_USERS_EMAIL\" already exists");
	}

	@Test
	void twoHeadsFailSingleHead() {
		KitResults kit = KitResults.run(TwoHeads.class);
		assertThat(kit.of("singleHead(RevisionRunner)")).startsWith("FAILED The revisions of classpath:kit/twoheads "
				+ "have 2 heads: 2000000000a2 (002_tasks.sql), 3000000000b3 (003_tags.sql).");
		assertThat(kit.of("stairway / 3000000000b3 003_tags.sql")).isEqualTo("SUCCESSFUL");
	}

	@MigrationsTest(locations = "classpath:kit/leftoverindex", database = Database.H2)
	static class LeftoverIndex implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/twoheads", database = Database.H2)
	static class TwoHeads implements StandardRevisionTests {

	}

}
