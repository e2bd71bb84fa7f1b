package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code migrations init [DIR]}: creates a revisions folder with a README. */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create a revisions folder with a README (default: src/main/resources/db/revisions).")
final class InitCommand implements Callable<Integer> {

	static final Path DEFAULT_DIRECTORY = Path.of("src", "main", "resources", "db", "revisions");

	@ParentCommand
	@Nullable MigrationsCli cli;

	@Spec
	@Nullable CommandSpec spec;

	@Parameters(arity = "0..1", paramLabel = "DIR", description = "the folder to create")
	@Nullable Path directory;

	@Override
	public Integer call() throws IOException {
		Path target = (this.directory != null) ? this.directory : DEFAULT_DIRECTORY;
		if (Files.isDirectory(target) && !isEmpty(target)) {
			throw new IllegalStateException("Directory " + target + " already exists and is not empty");
		}
		if (Files.exists(target) && !Files.isDirectory(target)) {
			throw new IllegalStateException(target + " exists and is not a directory");
		}
		Files.createDirectories(target);
		Files.writeString(target.resolve("README.md"), readme());
		this.spec.commandLine().getOut().println("Created revisions folder " + target);
		return 0;
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	private static String readme() {
		return """
				# Revisions

				Each `*.sql` file here is one schema revision. Create one with

				    migrations revision -m "add user preferences"

				and fill in its sections:

				```sql
				-- Add user preferences
				--
				-- revision: 3f2a9c1b7d4e
				-- down_revision: 1a2b3c4d5e6f

				-- +upgrade
				CREATE TABLE user_preferences (id SERIAL PRIMARY KEY);

				-- +downgrade
				DROP TABLE user_preferences;
				```

				The header, not the file name, identifies a revision. Apply with
				`migrations upgrade head`, undo the newest with `migrations downgrade -1`.
				""";
	}

}
