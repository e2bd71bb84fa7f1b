package dev.migrations.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.catalog.Catalog.Column;
import dev.migrations.core.catalog.Catalog.Constraint;
import dev.migrations.core.catalog.Catalog.ConstraintKind;
import dev.migrations.core.catalog.Catalog.Identity;
import dev.migrations.core.catalog.Catalog.Index;
import dev.migrations.core.catalog.Catalog.Sequence;
import dev.migrations.core.catalog.Catalog.Table;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@PostgresDatabase
class CatalogPostgresTests {

	private static final String SCHEMA = """
			CREATE TYPE mood AS ENUM ('happy', 'sad');
			CREATE TABLE users (
			    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    email VARCHAR(200) NOT NULL,
			    mood mood DEFAULT 'happy',
			    score NUMERIC(10, 2) DEFAULT 0 NOT NULL CHECK (score >= 0),
			    email_lower TEXT GENERATED ALWAYS AS (lower(email)) STORED,
			    CONSTRAINT uq_users_email UNIQUE (email)
			);
			COMMENT ON TABLE users IS 'people';
			COMMENT ON COLUMN users.email IS 'where to write';
			CREATE TABLE tasks (
			    id SERIAL PRIMARY KEY,
			    user_id BIGINT NOT NULL,
			    title TEXT NOT NULL,
			    done BOOLEAN DEFAULT false NOT NULL,
			    tags TEXT[],
			    CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
			        DEFERRABLE INITIALLY DEFERRED
			);
			CREATE INDEX ix_tasks_open ON tasks (user_id) INCLUDE (title) WHERE NOT done;
			CREATE INDEX ix_tasks_title_lower ON tasks (lower(title));
			CREATE INDEX ix_tasks_tags ON tasks USING gin (tags);
			CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10;
			CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE NOT done;
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();
			CREATE TABLE migrations_applied (revision VARCHAR(64) PRIMARY KEY);
			CREATE TABLE migrations_history (id SERIAL PRIMARY KEY);
			""";

	@BeforeEach
	void createSchema(TestDatabase database) throws SQLException {
		execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" + SCHEMA);
	}

	@Test
	void readsTablesWithTheirColumnsAsTheServerWritesThem(TestDatabase database) throws SQLException {
		Catalog catalog = read(database);
		assertThat(catalog.database()).isEqualTo(DatabaseType.POSTGRESQL);
		assertThat(catalog.schema()).isEqualTo("public");
		assertThat(catalog.tables()).extracting(Table::name).containsExactly("tasks", "users");
		Table users = catalog.table("users").orElseThrow();
		assertThat(users.comment()).isEqualTo("people");
		assertThat(users.columns()).containsExactly(
				new Column("id", "bigint", false, null, Identity.ALWAYS, null, null),
				new Column("email", "character varying(200)", false, null, null, null, "where to write"),
				new Column("mood", "mood", true, "'happy'::mood", null, null, null),
				new Column("score", "numeric(10,2)", false, "0", null, null, null),
				new Column("email_lower", "text", true, null, null, "lower((email)::text)", null));
		assertThat(catalog.table("tasks").orElseThrow().column("id").orElseThrow().defaultValue())
			.isEqualTo("nextval('tasks_id_seq'::regclass)");
	}

	@Test
	void readsConstraintsStructuredAndByDefinition(TestDatabase database) throws SQLException {
		Catalog catalog = read(database);
		Table users = catalog.table("users").orElseThrow();
		assertThat(users.constraints()).extracting(Constraint::name, Constraint::kind, Constraint::definition)
			.containsExactly(tuple("uq_users_email", ConstraintKind.UNIQUE, "UNIQUE (email)"),
					tuple("users_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)"),
					tuple("users_score_check", ConstraintKind.CHECK, "CHECK (score >= 0::numeric)"));
		Constraint foreignKey = catalog.table("tasks").orElseThrow().constraint("fk_tasks_user").orElseThrow();
		assertThat(foreignKey).isEqualTo(new Constraint("fk_tasks_user", ConstraintKind.FOREIGN_KEY, List.of("user_id"),
				"users", List.of("id"), "NO ACTION", "CASCADE", true, true,
				"FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"));
	}

	@Test
	void readsPartialExpressionIncludeAndGinIndexesButNotThoseOfConstraints(TestDatabase database) throws SQLException {
		Table tasks = read(database).table("tasks").orElseThrow();
		assertThat(tasks.indexes()).extracting(Index::name)
			.containsExactly("ix_tasks_open", "ix_tasks_tags", "ix_tasks_title_lower");
		assertThat(tasks.index("ix_tasks_open").orElseThrow()).isEqualTo(new Index("ix_tasks_open", false, "btree",
				List.of("user_id"), List.of("title"), "(NOT done)",
				"CREATE INDEX ix_tasks_open ON public.tasks USING btree (user_id) INCLUDE (title) WHERE (NOT done)"));
		assertThat(tasks.index("ix_tasks_title_lower").orElseThrow().keys()).containsExactly("lower(title)");
		assertThat(tasks.index("ix_tasks_tags").orElseThrow().method()).isEqualTo("gin");
		assertThat(tasks.triggers()).singleElement()
			.satisfies((trigger) -> assertThat(trigger.definition())
				.isEqualTo("CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch()"));
	}

	@Test
	void readsSequencesTypesViewsAndFunctionsWithoutTheStateTables(TestDatabase database) throws SQLException {
		Catalog catalog = read(database);
		assertThat(catalog.sequences()).containsExactly(
				new Sequence("invoice_numbers", "bigint", 1000, 10, 1, Long.MAX_VALUE, 1, false, null),
				new Sequence("tasks_id_seq", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, "tasks.id"));
		assertThat(catalog.enumTypes()).containsExactly(new Catalog.EnumType("mood", List.of("happy", "sad")));
		assertThat(catalog.views()).singleElement().satisfies((view) -> {
			assertThat(view.name()).isEqualTo("open_tasks");
			assertThat(view.definition()).contains("FROM tasks").contains("WHERE NOT tasks.done");
		});
		assertThat(catalog.functions()).singleElement()
			.satisfies((function) -> assertThat(function.name()).isEqualTo("touch()"));
		assertThat(catalog.table("migrations_applied")).isEmpty();
		assertThat(catalog.table("migrations_history")).isEmpty();
	}

	@Test
	void sequenceValuesAreNotPartOfTheCatalog(TestDatabase database) throws SQLException {
		Catalog before = read(database);
		execute(database, "SELECT nextval('invoice_numbers'); INSERT INTO users (email) VALUES ('a@example.com')");
		assertThat(read(database)).isEqualTo(before);
		assertThat(Catalog.differences(before, read(database))).isEmpty();
	}

	@Test
	void namesWhatIsLeftBehindMissingAndChanged(TestDatabase database) throws SQLException {
		Catalog before = read(database);
		execute(database, """
				CREATE TYPE colour AS ENUM ('red');
				ALTER TYPE mood ADD VALUE 'calm';
				DROP INDEX ix_tasks_tags;
				DROP VIEW open_tasks;
				ALTER TABLE tasks ALTER COLUMN title TYPE VARCHAR(100), ALTER COLUMN title DROP NOT NULL;
				ALTER TABLE users ADD COLUMN nickname TEXT;
				COMMENT ON TABLE users IS NULL;
				ALTER TABLE tasks DROP CONSTRAINT fk_tasks_user;
				ALTER TABLE tasks ADD CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id);
				""");
		List<CatalogDifference> differences = Catalog.differences(before, read(database));
		assertThat(differences).extracting(CatalogDifference::description)
			.containsExactly("table users changed: comment none, expected people",
					"column tasks.title changed: type character varying(100), expected text; nullable true, expected false",
					"constraint fk_tasks_user changed on table tasks: definition FOREIGN KEY (user_id) REFERENCES users(id), "
							+ "expected FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED; "
							+ "deferrable false, expected true; initially deferred false, expected true",
					"index ix_tasks_tags missing on table tasks",
					"index ix_tasks_title_lower changed on table tasks: definition CREATE INDEX ix_tasks_title_lower "
							+ "ON public.tasks USING btree (lower((title)::text)), expected CREATE INDEX ix_tasks_title_lower "
							+ "ON public.tasks USING btree (lower(title))",
					"column users.nickname left behind", "enum type colour left behind",
					"enum type mood changed: labels [happy, sad, calm], expected [happy, sad]",
					"view open_tasks missing");
		CatalogDifference missingIndex = differences.get(3);
		assertThat(missingIndex.kind()).isEqualTo(CatalogDifference.Kind.MISSING);
		assertThat(missingIndex.objectType()).isEqualTo(CatalogDifference.ObjectType.INDEX);
		assertThat(missingIndex.table()).isEqualTo("tasks");
		assertThat(missingIndex.expected()).isInstanceOfSatisfying(Index.class,
				(index) -> assertThat(index.method()).isEqualTo("gin"));
		assertThat(missingIndex.actual()).isNull();
	}

	@Test
	void readsAnotherSchemaAndExcludesConfiguredTables(TestDatabase database) throws SQLException {
		execute(database, "CREATE SCHEMA app; CREATE TABLE app.things (id INT); CREATE TABLE app.state (id INT)");
		try (Connection connection = database.connect()) {
			Catalog catalog = Catalog.read(connection, "app", Set.of("state"));
			assertThat(catalog.schema()).isEqualTo("app");
			assertThat(catalog.tables()).extracting(Table::name).containsExactly("things");
		}
	}

	private static Catalog read(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return Catalog.read(connection);
		}
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
