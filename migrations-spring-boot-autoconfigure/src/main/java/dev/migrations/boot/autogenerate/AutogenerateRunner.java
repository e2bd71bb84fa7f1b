package dev.migrations.boot.autogenerate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.LintFinding;
import dev.migrations.core.NewRevision;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The autogenerate run of an application: once its context is refreshed (Hibernate, built
 * from the application's own configuration, has written the model's create script, while
 * {@link AutogenerateStart} prepared the scratch databases), compares the model with the
 * revisions there and writes the revision on the head, printing {@code Generated <path>},
 * or prints {@code No changes in schema detected.}. Its exit code is 1 when the round
 * trip of the generated revision failed (the file is written all the same, with a warning
 * in it).
 */
public class AutogenerateRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(AutogenerateRunner.class);

	private final Migrator migrator;

	private final Settings settings;

	private final AutogenerateStart start;

	private final PrintStream out;

	private final Clock clock;

	private int exitCode;

	/**
	 * @param migrator the application's migrator: its revisions and their settings
	 * @param settings what to generate and where
	 * @param start the run, started before Hibernate's bootstrap
	 * @param out where the result is printed
	 * @param clock the clock of the file name and create date
	 */
	public AutogenerateRunner(Migrator migrator, Settings settings, AutogenerateStart start, PrintStream out,
			Clock clock) {
		this.migrator = migrator;
		this.settings = settings;
		this.start = start;
		this.out = out;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String model = readModel();
		Path directory = this.settings.directory();
		if (!Files.isDirectory(directory)) {
			throw new MigrationsException("The revisions folder " + directory.toAbsolutePath()
					+ " does not exist: create it, or set migrations.autogenerate.directory");
		}
		Autogenerate.Result result = this.start.compare(model, "the JPA model's create script");
		if (!result.hasChanges()) {
			this.out.println("No changes in schema detected.");
			return;
		}
		NewRevision revision = result.revision();
		LocalDateTime now = LocalDateTime.now(this.clock);
		Path file = directory.resolve(revision.fileName(now));
		try {
			Files.writeString(file, revision.text(now), StandardOpenOption.CREATE_NEW);
		}
		catch (IOException ex) {
			throw new MigrationsException("Could not write " + file + ": " + ex, ex);
		}
		this.out.println("Generated " + file);
		lint(revision, file);
		if (result.roundTripFailure() != null) {
			logger.error("The generated revision did not survive its round trip in the scratch databases: {}. "
					+ "Review {} before using it.", result.roundTripFailure(), file);
			this.exitCode = 1;
		}
	}

	/**
	 * Logs the linter's findings on the generated revision, as an upgrade logs those of
	 * the revisions it runs. They never change the exit code: the file is written to be
	 * reviewed, and {@code migrations lint} and {@code check} are the gates.
	 */
	private void lint(NewRevision revision, Path file) {
		for (LintFinding finding : this.migrator.lint(revision, file.toString())) {
			logger.warn("Lint {}: {}", finding.severity().name().toLowerCase(Locale.ROOT), finding.format());
		}
	}

	private String readModel() {
		Path script = this.settings.modelScript();
		String model;
		try {
			model = Files.exists(script) ? Files.readString(script) : "";
		}
		catch (IOException ex) {
			throw new MigrationsException("Could not read the model's create script " + script + ": " + ex, ex);
		}
		if (model.isBlank()) {
			throw new MigrationsException("The application built no JPA model: Hibernate wrote no create script to "
					+ script + ". Autogenerate needs Hibernate (spring-boot-starter-data-jpa) and @Entity classes");
		}
		return model;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * What to generate and where.
	 *
	 * @param message the message of the revision
	 * @param head the revision to build on when the code has several heads, else
	 * {@code null}
	 * @param directory the folder the file is written to
	 * @param modelScript the file Hibernate wrote the model's create script to
	 * @param dropUnmappedTables whether tables the model does not map are dropped
	 */
	public record Settings(String message, @Nullable String head, Path directory, Path modelScript,
			boolean dropUnmappedTables) {

	}

}
