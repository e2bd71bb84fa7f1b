package dev.migrations.core.internal.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.core.Autogenerate.DatabaseNotSupportedException;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run started before its model: the scratch work in the background, its failures thrown
 * by {@code compare} as they were thrown, and both scratch databases dropped by
 * {@code close} whatever happened (never leaked).
 */
@PostgresDatabase
class AutogenerateRunPostgresTests {

	@TempDir
	Path revisions;

	@Test
	void comparesOnceTheModelIsThereAndDropsBothDatabases(TestDatabase database) throws Exception {
		revision("001_users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);", "DROP TABLE users;");
		List<String> names;
		AutogenerateRun.Outcome outcome;
		try (AutogenerateRun run = AutogenerateRun.start(configuration(), server(database), List.of("001"), false)) {
			names = names(run);
			outcome = run.compare("create table users (id bigint not null, name varchar(20), primary key (id));",
					"model.sql");
		}
		assertThat(outcome.upgrade()).isEqualTo("ALTER TABLE users ADD COLUMN name character varying(20);\n");
		assertThat(outcome.roundTripFailure()).isNull();
		assertThat(outcome.revisionIds()).containsExactly("001");
		assertThat(outcome.times().durations()).containsKeys(PhaseTimes.CREATE, PhaseTimes.UPGRADE,
				PhaseTimes.HEADS_CATALOG, PhaseTimes.MODEL, PhaseTimes.ROUND_TRIP, PhaseTimes.DROP);
		assertThat(ScratchDatabasesPostgresTests.existing(database, names)).isEmpty();
	}

	@Test
	void aRevisionFailingInTheBackgroundIsThrownByCompareAndBothDatabasesAreDropped(TestDatabase database)
			throws Exception {
		revision("001_broken.sql", "CREATE TABLE ok (id INT);\nCREATE TABLE broken (id INT REFERENCES missing (id));",
				"");
		List<String> names;
		try (AutogenerateRun run = AutogenerateRun.start(configuration(), server(database), List.of("001"), false)) {
			names = names(run);
			assertThatExceptionOfType(RevisionFailedException.class)
				.isThrownBy(() -> run.compare("create table ok (id integer);", "model.sql"))
				.satisfies((failure) -> {
					assertThat(failure.revision()).isEqualTo("001");
					assertThat(failure.source()).endsWith("001_broken.sql");
					assertThat(failure.line()).isEqualTo(7);
				});
		}
		assertThat(ScratchDatabasesPostgresTests.existing(database, names)).isEmpty();
	}

	@Test
	void aRunClosedBeforeItsModelDropsBothDatabases(TestDatabase database) throws Exception {
		revision("001_users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);", "DROP TABLE users;");
		List<String> names;
		try (AutogenerateRun run = AutogenerateRun.start(configuration(), server(database), List.of("001"), false)) {
			names = names(run);
			// the model never comes (Hibernate failed): closed while the work may still
			// run
		}
		assertThat(ScratchDatabasesPostgresTests.existing(database, names)).isEmpty();
	}

	@Test
	void aMariaDbDatabaseIsNotSupportedBeforeAnythingStarts(TestDatabase database) throws IOException {
		revision("001_users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);", "DROP TABLE users;");
		MigrationsConfiguration mariaDb = MigrationsConfiguration.builder()
			.locations("filesystem:" + this.revisions)
			.databaseType(DatabaseType.MARIADB)
			.build();
		assertThatExceptionOfType(DatabaseNotSupportedException.class)
			.isThrownBy(() -> AutogenerateRun.start(mariaDb, server(database), List.of("001"), false))
			.withMessage("Autogenerate does not support MariaDB or MySQL yet (the application's database is "
					+ "MariaDB): it compares the model and the revisions in scratch databases it makes on PostgreSQL "
					+ "and H2 only. Write the revision by hand: 'migrations revision -m MESSAGE' creates an empty "
					+ "one on the head, with its upgrade and downgrade sections to fill in")
			.satisfies((failure) -> assertThat(failure.databaseType()).isEqualTo(DatabaseType.MARIADB));
	}

	private void revision(String file, String upgrade, String downgrade) throws IOException {
		Files.writeString(this.revisions.resolve(file), "-- a revision\n--\n-- revision: 001\n\n-- +upgrade\n" + upgrade
				+ "\n\n-- +downgrade\n" + downgrade + "\n");
	}

	private MigrationsConfiguration configuration() {
		return MigrationsConfiguration.builder().locations("filesystem:" + this.revisions).build();
	}

	private static DatabaseUrl server(TestDatabase database) {
		return new DatabaseUrl(database.jdbcUrl(), database.user(), database.password());
	}

	private static List<String> names(AutogenerateRun run) {
		return List.of(run.scratch().describe().split(" on ")[0].split(" and "));
	}

}
