package dev.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded {@code migrations.jar} as users do,
 * {@code java -jar migrations.jar ...}, in a process of its own: drivers, logging and
 * exit codes as packaged.
 */
@PostgresDatabase
class ExecutableJarIT {

	@TempDir
	Path directory;

	@Test
	void printsTheVersionOfTheBuildFromItsManifest() throws Exception {
		Run run = run(Map.of(), "--version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("migrations " + System.getProperty("project.version") + "\n");
	}

	@Test
	void initAndRevisionUseTheDefaultFolder() throws Exception {
		Run init = run(Map.of(), "init");
		Run revision = run(Map.of(), "revision", "-m", "initial schema", "--rev-id", "001");
		Run history = run(Map.of(), "history");

		assertThat(init.exitCode()).isZero();
		assertThat(init.out()).isEqualTo("Created revisions folder src/main/resources/db/revisions\n");
		assertThat(revision.exitCode()).isZero();
		assertThat(revision.out()).startsWith("src/main/resources/db/revisions/").endsWith("_001_initial_schema.sql\n");
		assertThat(this.directory.resolve(revision.out().strip())).isRegularFile();
		assertThat(history.out()).isEqualTo("<base> -> 001 (head), initial schema\n");
	}

	@Test
	void upgradesAPostgresDatabaseGivenAsDatabaseUrl(TestDatabase database) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory).seeds();
		String url = database.jdbcUrl()
			.replace("jdbc:postgresql://", "postgresql://" + database.user()
					+ ((database.password() != null) ? ":" + database.password() : "") + "@");
		Map<String, String> environment = Map.of("DATABASE_URL", url, "MIGRATIONS_LOCATIONS", files.location());

		Run upgrade = run(environment, "upgrade", "head");
		Run current = run(environment, "current");

		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.out()).isEmpty();
		assertThat(upgrade.err()).isEqualTo("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				""");
		assertThat(current.exitCode()).isZero();
		assertThat(current.out()).isEqualTo("002 (head)\n");
	}

	@Test
	void offlineSqlOnStandardOutputIsAScriptAlone() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory).seeds();

		Run run = run(Map.of(), "--locations", files.location(), "upgrade", "base:heads", "--sql");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("-- Migrations offline SQL (POSTGRESQL): upgrade from base\n")
			.endsWith("COMMIT;\n\n")
			.doesNotContain("INFO");
		assertThat(run.err()).isEqualTo("""
				INFO  [migrations] Running upgrade  -> 001, initial schema
				INFO  [migrations] Running upgrade 001 -> 002, Add user preferences table
				""");
	}

	@Test
	void failuresExitWithOneAndUsageErrorsWithTwo() throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory).seeds();

		Run failure = run(Map.of(), "--locations", files.location(), "show", "zzzz");
		Run usage = run(Map.of(), "upgrade", "--bogus");

		assertThat(failure.exitCode()).isEqualTo(1);
		assertThat(failure.err()).startsWith("FAILED: Can't locate revision identified by 'zzzz'").hasLineCount(1);
		assertThat(usage.exitCode()).isEqualTo(2);
		assertThat(usage.err())
			.isEqualTo("FAILED: Unknown option: '--bogus'\nTry 'migrations upgrade --help' for usage.\n");
	}

	private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(jar().toString());
		command.addAll(List.of(args));
		Path out = this.directory.resolve("out.txt");
		Path err = this.directory.resolve("err.txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("MIGRATIONS_") || name.equals("DATABASE_URL"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("migrations.jar did not finish within 60 seconds: " + command);
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static Path jar() {
		String jar = System.getProperty("migrations.jar", "target/migrations.jar");
		Path path = Path.of(jar).toAbsolutePath();
		assertThat(path).as("the executable jar, built by 'package'").exists();
		return path;
	}

	record Run(int exitCode, String out, String err) {

	}

}
