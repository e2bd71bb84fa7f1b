package dev.migrations.boot.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.boot.autogenerate.broken.BrokenApplication;
import dev.migrations.boot.autogenerate.library.LibraryApplication;
import dev.migrations.core.Autogenerate.ScratchDatabaseException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What an autogenerate run does with bad input: each failure says what is wrong and
 * nothing is written.
 */
@PostgresDatabase
@ExtendWith(OutputCaptureExtension.class)
class AutogenerateFailuresTests {

	@Test
	void entitiesThatCannotBeMappedFailWithHibernatesMessage(TestDatabase database, @TempDir Path revisions) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BrokenApplication.class)
				.properties(AutogenerateApplicationTests.connection(database, revisions))
				.run("--migrations.autogenerate.message=x", "--migrations.autogenerate.directory=" + revisions,
						"--migrations.autogenerate.exit=false"))
			.havingRootCause()
			.withMessageContaining("mappedBy")
			.withMessageContaining("shelf");
		assertThat(revisions).isEmptyDirectory();
	}

	@Test
	void aServerWithoutScratchDatabasesNamesTheDevUrl(TestDatabase database, @TempDir Path revisions) {
		assertThatException()
			.isThrownBy(
					() -> AutogenerateApplicationTests.run(database, revisions, "--migrations.autogenerate.message=x",
							"--migrations.autogenerate.dev-url=jdbc:postgresql://127.0.0.1:1/nowhere"))
			.isInstanceOf(ScratchDatabaseException.class)
			.withMessageStartingWith(
					"Autogenerate could not create its scratch databases on jdbc:postgresql://127.0.0.1:1/nowhere: ")
			.withMessageContaining("migrations.autogenerate.dev-url");
		assertThat(revisions).isEmptyDirectory();
	}

	@Test
	void severalHeadsAreRefusedUnlessOneIsNamed(TestDatabase database, @TempDir Path revisions, CapturedOutput output)
			throws Exception {
		Files.writeString(revisions.resolve("001.sql"), "-- a\n--\n-- revision: 001\n\n-- +upgrade\n-- +downgrade\n");
		Files.writeString(revisions.resolve("002.sql"), "-- b\n--\n-- revision: 002\n\n-- +upgrade\n-- +downgrade\n");
		assertThatException()
			.isThrownBy(
					() -> AutogenerateApplicationTests.run(database, revisions, "--migrations.autogenerate.message=x"))
			.isInstanceOf(MigrationsException.class)
			.withMessage("Multiple heads are present (001, 002); please specify the head revision on which the new "
					+ "revision should be based (migrations.autogenerate.head), or perform a merge "
					+ "('migrations merge heads')");
		assertThat(AutogenerateApplicationTests.files(revisions)).hasSize(2);
		AutogenerateApplicationTests
			.run(database, revisions, "--migrations.autogenerate.message=Library", "--migrations.autogenerate.head=002")
			.close();
		List<Path> files = AutogenerateApplicationTests.files(revisions);
		assertThat(files).hasSize(3);
		Path generated = files.get(2);
		assertThat(output).contains("Generated " + generated);
		assertThat(Files.readString(generated)).contains("-- down_revision: 002\n");
	}

	@Test
	void aRevisionFailingInTheScratchDatabaseIsNamedWithItsLine(TestDatabase database, @TempDir Path revisions)
			throws Exception {
		Path file = revisions.resolve("001_broken.sql");
		Files.writeString(file, "-- broken\n--\n-- revision: 001\n\n-- +upgrade\nCREATE TABLE ok (id INT);\n"
				+ "CREATE TABLE broken (id INT REFERENCES missing (id));\n-- +downgrade\n");
		assertThatException()
			.isThrownBy(
					() -> AutogenerateApplicationTests.run(database, revisions, "--migrations.autogenerate.message=x"))
			.isInstanceOfSatisfying(RevisionFailedException.class, (failure) -> {
				assertThat(failure.revision()).isEqualTo("001");
				assertThat(failure.source()).endsWith("001_broken.sql");
				assertThat(failure.line()).isEqualTo(7);
			});
		assertThat(AutogenerateApplicationTests.files(revisions)).containsExactly(file);
	}

}
