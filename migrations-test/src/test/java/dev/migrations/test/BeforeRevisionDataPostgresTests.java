package dev.migrations.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data declared once per class with {@link StandardRevisionTests#beforeRevision}: the
 * stairway and {@code upgradeFromBase} run the revisions with rows in their tables.
 */
class BeforeRevisionDataPostgresTests {

	@Test
	void aNotNullColumnWithoutDefaultPassesOnEmptyTables() {
		KitResults kit = KitResults.run(EmptyTables.class);
		kit.results().remove("modelMatchesDatabase(RevisionRunner)");
		assertThat(kit.results().values()).isNotEmpty().allMatch("SUCCESSFUL"::equals);
	}

	@Test
	void aNotNullColumnWithoutDefaultFailsOnceTheTableHasRows() {
		KitResults kit = KitResults.run(WithRows.class);
		assertThat(kit.of("stairway / 1000000000a1 001_tasks.sql")).isEqualTo("SUCCESSFUL");
		assertThat(kit.of("stairway / 2000000000a2 002_owner.sql"))
			.startsWith("FAILED Revision 2000000000a2 (002_owner.sql): its upgrade failed: ")
			.contains("column \"owner\" of relation \"tasks\" contains null values");
		assertThat(kit.of("upgradeFromBase(RevisionRunner)"))
			.startsWith("FAILED Upgrading an empty database to the heads failed: ")
			.contains("contains null values");
		// the revision above cannot be reached with the data either, and says so
		assertThat(kit.of("stairway / 3000000000a3 003_tags.sql"))
			.startsWith("FAILED Revision 3000000000a3 (003_tags.sql): bringing the database to its parents failed: ")
			.contains("2000000000a2");
	}

	@Test
	void aBackfillMeetsTheRowsInsertedBeforeIt() {
		// SET NOT NULL after the backfill succeeds only when every inserted row was
		// filled
		KitResults kit = KitResults.run(Backfill.class);
		assertThat(kit.results()).containsEntry("stairway / 2000000000a2 002_priority.sql", "SUCCESSFUL")
			.containsEntry("downgradeLeavesNoTrace / 2000000000a2 002_priority.sql", "SUCCESSFUL")
			.containsEntry("upgradeFromBase(RevisionRunner)", "SUCCESSFUL");
	}

	@MigrationsTest(locations = "classpath:kit/datanotnull")
	static class EmptyTables implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/datanotnull")
	static class WithRows implements StandardRevisionTests {

		@Override
		public void beforeRevision(String revision, RevisionRunner runner) {
			if (revision.equals("2000000000a2")) {
				runner.insert("tasks", Map.of("id", 1, "title", "Written before owners existed"));
			}
		}

	}

	@MigrationsTest(locations = "classpath:kit/data")
	static class Backfill implements StandardRevisionTests {

		@Override
		public void beforeRevision(String revision, RevisionRunner runner) {
			if (revision.equals("2000000000a2")) {
				runner.insert("tasks", Map.of("id", 1, "title", "Urgent", "priority", "high"));
				runner.insert("tasks", Map.of("id", 2, "title", "Someday", "priority", "low"));
			}
		}

	}

}
