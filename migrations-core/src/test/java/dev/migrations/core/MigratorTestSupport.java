package dev.migrations.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrations.core.internal.execution.Database;
import dev.migrations.core.graph.Step;
import dev.migrations.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;

/** Builds migrators on a test database and records listener events. */
final class MigratorTestSupport {

	private final TestDatabase database;

	private final RevisionFiles files;

	final List<String> events = new ArrayList<>();

	final Database db;

	MigratorTestSupport(TestDatabase database, RevisionFiles files) {
		this.database = database;
		this.files = files;
		this.db = new Database(database.dataSource());
	}

	Migrator migrator() {
		return migrator(UnaryOperator.identity());
	}

	Migrator migrator(UnaryOperator<MigrationsConfiguration.Builder> customizer) {
		MigrationsConfiguration.Builder builder = MigrationsConfiguration.builder()
			.dataSource(this.database.dataSource())
			.locations(this.files.location())
			.lockTimeout(Duration.ofSeconds(5))
			.databaseType((this.database.kind() == TestDatabase.Kind.MARIADB) ? DatabaseType.MARIADB : null)
			.listener(new Recorder());
		return Migrator.create(customizer.apply(builder).build());
	}

	/** Resets a PostgreSQL test database between tests. */
	void resetPostgres() {
		this.db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public",
				"DROP SCHEMA IF EXISTS \"Migr_State\" CASCADE");
	}

	/** The three revisions most tests start with. */
	void threeRevisions() {
		this.files.write("001", "", "create users", "CREATE TABLE users (id INT PRIMARY KEY, name TEXT);",
				"DROP TABLE users;");
		this.files.write("002", "001", "create tasks",
				"CREATE TABLE tasks (id INT PRIMARY KEY, user_id INT REFERENCES users (id));\n"
						+ "INSERT INTO users VALUES (1, 'ann');",
				"DROP TABLE tasks;\nDELETE FROM users;");
		this.files.write("003", "002", "index tasks by user", "CREATE INDEX ix_tasks_user ON tasks (user_id);",
				"DROP INDEX ix_tasks_user;");
	}

	private final class Recorder implements MigrationListener {

		@Override
		public void runStarted(Operation operation, String target) {
			MigratorTestSupport.this.events.add("run " + operation + " " + target);
		}

		@Override
		public void runFinished(RunResult result, @Nullable MigrationsException failure) {
			MigratorTestSupport.this.events.add("finished " + result.operation() + " " + result.steps().size()
					+ ((failure != null) ? " " + failure.getClass().getSimpleName() : ""));
		}

		@Override
		public void revisionStarted(Step step) {
			MigratorTestSupport.this.events.add("start " + step.revision().id());
		}

		@Override
		public void revisionFinished(Step step, Duration duration) {
			MigratorTestSupport.this.events.add("done " + step.revision().id());
		}

		@Override
		public void revisionFailed(Step step, Duration duration, RevisionFailedException error) {
			MigratorTestSupport.this.events.add("failed " + step.revision().id());
		}

		@Override
		public void lockWaiting(LockHolder holder, Duration waited) {
			MigratorTestSupport.this.events.add("waiting " + holder.pid());
		}

	}

}
