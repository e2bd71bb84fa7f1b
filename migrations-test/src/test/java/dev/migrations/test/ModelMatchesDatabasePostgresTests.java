package dev.migrations.test;

import dev.migrations.test.model.User;
import dev.migrations.test.model.UserWithNickname;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code modelMatchesDatabase} on PostgreSQL: entities that the revisions match pass; an
 * entity field without a revision fails, showing the revision autogenerate would write; a
 * model given as a create script works the same; without a model the test is skipped with
 * the reason.
 */
class ModelMatchesDatabasePostgresTests {

	@Test
	void entitiesTheRevisionsMatchPass() {
		KitResults kit = KitResults.run(Matching.class);
		assertThat(kit.of("modelMatchesDatabase(RevisionRunner)")).isEqualTo("SUCCESSFUL");
	}

	@Test
	void anEntityFieldWithoutARevisionFailsShowingTheRevisionAutogenerateWouldWrite() {
		KitResults kit = KitResults.run(FieldWithoutRevision.class);
		assertThat(kit.of("modelMatchesDatabase(RevisionRunner)"))
			.isEqualTo("FAILED The JPA model (UserWithNickname) does not match the revisions at 1000000000a1: "
					+ "autogenerate would write this revision on the head:\n\n" + "-- +upgrade\n"
					+ "ALTER TABLE users ADD COLUMN nick_name character varying(255);\n\n" + "-- +downgrade\n"
					+ "-- review: drops data (column users.nick_name)\n" + "ALTER TABLE users DROP COLUMN nick_name;\n"
					+ "\nGenerate it (--migrations.autogenerate.message=... in the application, or "
					+ "migrations revision --autogenerate), review it and add it, or change the entities");
		assertThat(kit.of("upgradeFromBase(RevisionRunner)")).isEqualTo("SUCCESSFUL");
	}

	@Test
	void aModelScriptWithAColumnNoRevisionAddsFails() {
		KitResults kit = KitResults.run(ScriptWithoutRevision.class);
		assertThat(kit.of("modelMatchesDatabase(RevisionRunner)"))
			.startsWith("FAILED The JPA model classpath:kit/models/model-nickname.sql does not match the revisions at "
					+ "1000000000a1")
			.contains("ALTER TABLE users ADD COLUMN nickname character varying(50);");
	}

	@Test
	void withoutAModelTheTestIsSkippedWithTheReason() {
		KitResults kit = KitResults.run(NoModel.class);
		assertThat(kit.of("modelMatchesDatabase(RevisionRunner)"))
			.isEqualTo("ABORTED no JPA model: name its entity classes with @MigrationsTest(entities = ...) "
					+ "or its create script with @MigrationsTest(model = ...)");
	}

	@MigrationsTest(locations = "classpath:kit/model", entities = User.class)
	static class Matching implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/model", entities = UserWithNickname.class)
	static class FieldWithoutRevision implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/model", model = "classpath:kit/models/model-nickname.sql")
	static class ScriptWithoutRevision implements StandardRevisionTests {

	}

	@MigrationsTest(locations = "classpath:kit/model")
	static class NoModel implements StandardRevisionTests {

	}

}
