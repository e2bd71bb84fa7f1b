package dev.migrations.cli;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of {@code java -jar migrations.jar}: the global options and the commands.
 * Errors are printed as {@code FAILED: <message>} on standard error; usage errors exit
 * with 2, failures with 1.
 */
@Command(name = "migrations", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
		description = "Alembic-style database schema revisions.",
		subcommands = { HelpCommand.class, InitCommand.class, RevisionCommand.class, MergeCommand.class,
				UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
				HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class, GraphCommand.class,
				StatusCommand.class, CheckCommand.class, LintCommand.class, RepairCommand.class },
		usageHelpAutoWidth = true)
public final class MigrationsCli {

	/**
	 * Where revisions are looked for when neither --locations nor MIGRATIONS_LOCATIONS is
	 * given.
	 */
	static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/revisions";

	static final int EXIT_FAILURE = 1;

	static final int EXIT_USAGE = 2;

	@Option(names = "--url", description = "JDBC URL (default: MIGRATIONS_URL, then DATABASE_URL)")
	@Nullable String url;

	@Option(names = "--user", description = "database user (default: MIGRATIONS_USER)")
	@Nullable String user;

	@Option(names = "--password", description = "database password (default: MIGRATIONS_PASSWORD)")
	@Nullable String password;

	@Option(names = "--locations", split = ",",
			description = "revision locations, classpath:... or filesystem:... (default: MIGRATIONS_LOCATIONS, then "
					+ DEFAULT_LOCATION + ")")
	@Nullable List<String> locations;

	@Option(names = "--schema", description = "schema of the state tables (default: the connection's)")
	@Nullable String schema;

	@Option(names = "--ddl-lock-timeout", converter = DurationConverter.class, paramLabel = "DURATION",
			description = "how long a statement whose lock blocks the application may wait for it (PostgreSQL "
					+ "lock_timeout), then the revision is retried; 0 leaves lock_timeout alone (default: 2s)")
	@Nullable Duration ddlLockTimeout;

	@Option(names = "--ddl-retry-budget", converter = DurationConverter.class, paramLabel = "DURATION",
			description = "how long a revision is retried after lock timeouts before it fails (default: 5m)")
	@Nullable Duration ddlRetryBudget;

	@Option(names = "--debug", description = "print stack traces of failures")
	boolean debug;

	private final Map<String, String> environment;

	private final Clock clock;

	private final Reader standardInput;

	MigrationsCli(Map<String, String> environment, Clock clock, Reader standardInput) {
		this.environment = environment;
		this.clock = clock;
		this.standardInput = standardInput;
	}

	/** The environment variables ({@code ${ENV}} in targets files). */
	Map<String, String> environment() {
		return this.environment;
	}

	/** Standard input ({@code --targets -}). */
	Reader standardInput() {
		return this.standardInput;
	}

	/** The clock of new revision files and the time zone of times shown. */
	Clock clock() {
		return this.clock;
	}

	/** Migrators built from the global options. */
	MigratorFactory migrators() {
		return new MigratorFactory(connectionSettings(), locations(), this.schema, this.ddlLockTimeout,
				this.ddlRetryBudget);
	}

	/** The connection settings: options, then variables, then {@code DATABASE_URL}. */
	ConnectionSettings connectionSettings() {
		return ConnectionSettings.resolve(this.url, this.user, this.password, this.environment);
	}

	/**
	 * The revision locations: option, then {@code MIGRATIONS_LOCATIONS}, then the
	 * default.
	 */
	List<String> locations() {
		if (this.locations != null && !this.locations.isEmpty()) {
			return List.copyOf(this.locations);
		}
		String variable = this.environment.get("MIGRATIONS_LOCATIONS");
		if (variable != null && !variable.isBlank()) {
			return List.of(variable.trim().split("\\s*,\\s*"));
		}
		return List.of(DEFAULT_LOCATION);
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), Clock.systemDefaultZone(), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true)));
	}

	/**
	 * Runs one command line and returns its exit code; what it prints goes to out and
	 * err.
	 */
	static int run(String[] args, Map<String, String> environment, Clock clock, PrintWriter out, PrintWriter err) {
		return run(args, environment, clock, new InputStreamReader(System.in, StandardCharsets.UTF_8), out, err);
	}

	/**
	 * {@link #run(String[], Map, Clock, PrintWriter, PrintWriter)} with its standard
	 * input.
	 */
	static int run(String[] args, Map<String, String> environment, Clock clock, Reader in, PrintWriter out,
			PrintWriter err) {
		MigrationsCli cli = new MigrationsCli(environment, clock, in);
		CommandLine commandLine = new CommandLine(cli);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler(MigrationsCli::handleUsageError);
		commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> handleFailure(cli, ex, failed));
		try {
			return commandLine.execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	private static int handleUsageError(ParameterException ex, String[] args) {
		return usageError(ex.getCommandLine(), ex.getMessage());
	}

	private static int usageError(CommandLine failed, String message) {
		PrintWriter err = failed.getErr();
		err.println("FAILED: " + message);
		err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
		return EXIT_USAGE;
	}

	private static int handleFailure(MigrationsCli cli, Exception ex, CommandLine failed) {
		if (ex instanceof UsageException) {
			return usageError(failed, ex.getMessage());
		}
		PrintWriter err = failed.getErr();
		err.println("FAILED: " + messageOf(ex));
		if (cli.debug) {
			ex.printStackTrace(err);
		}
		return EXIT_FAILURE;
	}

	private static String messageOf(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

}
