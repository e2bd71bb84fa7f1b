package dev.migrations.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.Fleet;
import dev.migrations.core.Migrator;
import dev.migrations.core.Fleet.TargetResult;
import org.jspecify.annotations.Nullable;

/**
 * A state command run over a fleet: the targets loaded, filtered by shard and by a
 * previous report, run through a {@link Fleet}, each result logged on standard error
 * (with the progress and rate every ten targets) and written to the report as it comes;
 * then a summary on standard output and the exit code: 0 every target at its target, 1 a
 * target failed on SQL or drift, 4 only retryable causes (unreachable, lock timeout).
 */
final class FleetRun {

	/**
	 * Exit code when only retryable causes (unreachable, lock timeout) stopped targets.
	 */
	static final int EXIT_RETRYABLE = 4;

	private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

	private final MigratorCommand command;

	private final FleetOptions options;

	private final String name;

	private @Nullable DatabaseType databaseType;

	FleetRun(MigratorCommand command, FleetOptions options, String name) {
		this.command = command;
		this.options = options;
		this.name = name;
	}

	/** How results decide the exit code. */
	enum Kind {

		/** upgrade, downgrade, stamp, repair: a target not done is a failure. */
		CHANGE,

		/** status, current: only a target that could not be read is a failure. */
		READ,

		/** check: a target not up to date is a failure. */
		CHECK

	}

	/** The targets this run covers, after {@code --shard} and {@code --only-failed}. */
	List<Fleet.Target> targets() {
		int[] shard = shard();
		MigrationsCli cli = this.command.cli();
		ConnectionSettings connection = cli.connectionSettings();
		DataSource global = (connection.url() != null)
				? new DatabaseUrl(MigratorFactory.driverUrl(connection.url()), connection.user(), connection.password())
					.dataSource()
				: null;
		List<FleetTargets.Entry> entries;
		if (this.options.targetsQuery != null) {
			if (global == null) {
				throw new UsageException(
						"--targets-query runs on --url: give --url, or set MIGRATIONS_URL or DATABASE_URL");
			}
			entries = FleetTargets.fromQuery(global, this.options.targetsQuery);
		}
		else {
			entries = FleetTargets.fromFile(this.options.targets, cli.standardInput(), cli.environment());
		}
		Set<String> all = new HashSet<>();
		entries.forEach((entry) -> all.add(entry.id()));
		for (String canary : this.options.canary) {
			if (!all.contains(canary)) {
				throw new UsageException("--canary " + canary + " is none of the targets; give ids of targets");
			}
		}
		if (shard != null) {
			entries = entries.stream().filter((entry) -> Fleet.inShard(entry.id(), shard[0], shard[1])).toList();
		}
		if (this.options.onlyFailed != null) {
			Set<String> done = doneIn(this.options.onlyFailed);
			entries = entries.stream().filter((entry) -> !done.contains(entry.id())).toList();
		}
		this.databaseType = databaseType(connection.url(), entries);
		return FleetTargets.targets(entries, global, connection);
	}

	/**
	 * The database type the revisions are split for: that of the targets' own URLs when
	 * they agree on one, else that of the global URL; {@code null} for PostgreSQL.
	 */
	private static @Nullable DatabaseType databaseType(@Nullable String global, List<FleetTargets.Entry> entries) {
		Set<DatabaseType> types = new HashSet<>();
		boolean onGlobal = false;
		for (FleetTargets.Entry entry : entries) {
			if (entry.url() == null) {
				onGlobal = true;
			}
			else if (entry.url().startsWith("jdbc:")) {
				DatabaseType.fromJdbcUrl(entry.url()).ifPresent(types::add);
			}
		}
		DatabaseType globalType = (global != null) ? DatabaseType.fromJdbcUrl(global).orElse(null) : null;
		if (types.size() == 1 && !onGlobal) {
			return types.iterator().next();
		}
		return globalType;
	}

	private int @Nullable [] shard() {
		if (this.options.shard == null) {
			return null;
		}
		Matcher matcher = SHARD.matcher(this.options.shard.trim());
		if (!matcher.matches()) {
			throw new UsageException("--shard " + this.options.shard + " is not I/K; give e.g. 0/4 (shard 0 of 4)");
		}
		int index = Integer.parseInt(matcher.group(1));
		int count = Integer.parseInt(matcher.group(2));
		if (count < 1 || index >= count) {
			throw new UsageException("--shard " + this.options.shard + ": K must be at least 1 and I from 0 to K-1");
		}
		return new int[] { index, count };
	}

	/**
	 * The targets {@code report} lists as done ({@code UP_TO_DATE} or {@code UPGRADED}).
	 */
	static Set<String> doneIn(Path report) {
		Set<String> done = new HashSet<>();
		try (BufferedReader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Map<String, @Nullable Object> object;
				try {
					object = JsonLines.object(line);
				}
				catch (IllegalArgumentException ex) {
					// a run killed while writing leaves its last line cut short: that
					// target counts as not done
					continue;
				}
				Object target = object.get("target");
				Object status = object.get("status");
				if (target instanceof String id && status instanceof String text
						&& (text.equals("UP_TO_DATE") || text.equals("UPGRADED"))) {
					done.add(id);
				}
				else if (target == null && !object.containsKey("summary")) {
					throw new UsageException(report + ":" + number + ": not a line of a report (no \"target\"); give "
							+ "the file a --report wrote");
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("--only-failed " + report + ": the report does not exist");
		}
		catch (IOException ex) {
			throw new UsageException("--only-failed " + report + " cannot be read: " + ex.getMessage());
		}
		return done;
	}

	/**
	 * Runs {@code operation} over the targets.
	 * @return the exit code
	 */
	int run(Kind kind, BiFunction<Fleet, List<Fleet.Target>, List<TargetResult>> operation, Summary summary) {
		List<Fleet.Target> targets = targets();
		ConsoleLog log = this.command.log();
		Migrator migrator = this.command.migrators().template(this.databaseType);
		if (targets.isEmpty()) {
			log.info("No targets to " + this.name);
		}
		Set<String> canaries = new LinkedHashSet<>(this.options.canary);
		Set<String> ids = new HashSet<>();
		targets.forEach((target) -> ids.add(target.id()));
		canaries.retainAll(ids);
		long start = System.nanoTime();
		try (Report report = new Report(this.options.report)) {
			Fleet fleet = Fleet.builder(migrator)
				.parallelism(this.options.parallel)
				.maxFailures(this.options.maxFailures)
				.canary(new ArrayList<>(canaries))
				.listener((result, progress) -> {
					log.info(describe(result));
					report.write(result);
					if (progress.done() % 10 == 0 || progress.done() == progress.total()) {
						log.info(progress.describe());
					}
				})
				.build();
			List<TargetResult> results = operation.apply(fleet, targets);
			int exit = exitCode(kind, results);
			report.summary(this.name, results, (System.nanoTime() - start) / 1_000_000, exit);
			summary.print(results, migrator, this.command.out());
			this.command.out().flush();
			return exit;
		}
	}

	/** Prints what the command shows of its results on standard output. */
	@FunctionalInterface
	interface Summary {

		void print(List<TargetResult> results, Migrator migrator, PrintWriter out);

	}

	/**
	 * The summary of a changing command: the count of each status, then each target not
	 * done with why.
	 */
	static void printChange(List<TargetResult> results, Migrator migrator, PrintWriter out) {
		out.println(countLine(results));
		for (TargetResult result : results) {
			if (!result.status().done() && result.status() != TargetResult.Status.SKIPPED) {
				out.println("  " + describe(result));
			}
		}
	}

	/** {@code 2000 targets: 1999 UPGRADED, 1 FAILED}. */
	static String countLine(List<TargetResult> results) {
		List<String> parts = new ArrayList<>();
		counts(results).forEach((status, count) -> parts.add(count + " " + status));
		return results.size() + " target(s)" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
	}

	static int exitCode(Kind kind, List<TargetResult> results) {
		boolean retryable = false;
		for (TargetResult result : results) {
			TargetResult.Status status = result.status();
			boolean bad = switch (kind) {
				case CHANGE, CHECK -> !status.done();
				case READ -> result.failure() != null;
			};
			if (!bad) {
				continue;
			}
			if (status.retryable() || status == TargetResult.Status.SKIPPED) {
				retryable = true;
			}
			else {
				return MigrationsCli.EXIT_FAILURE;
			}
		}
		return retryable ? EXIT_RETRYABLE : 0;
	}

	/** {@code t_0001: UPGRADED 001 -> 002 (35 ms)}, with the error where one failed. */
	static String describe(TargetResult result) {
		StringBuilder line = new StringBuilder(result.target()).append(": ").append(result.status());
		if (result.status() == TargetResult.Status.SKIPPED) {
			return line.toString();
		}
		line.append(' ').append(RevisionFormat.heads(result.headsBefore()));
		if (!result.headsAfter().equals(result.headsBefore())) {
			line.append(" -> ").append(RevisionFormat.heads(result.headsAfter()));
		}
		line.append(" (").append(result.duration().toMillis()).append(" ms)");
		if (result.failure() != null) {
			line.append(": ").append(result.failure().message());
		}
		return line.toString();
	}

	/** Counts of each status, in the order of the statuses, those with none left out. */
	static Map<String, Object> counts(List<TargetResult> results) {
		Map<TargetResult.Status, Integer> counts = new EnumMap<>(TargetResult.Status.class);
		results.forEach((result) -> counts.merge(result.status(), 1, Integer::sum));
		Map<String, Object> json = new LinkedHashMap<>();
		counts.forEach((status, count) -> json.put(status.name(), count));
		return json;
	}

	/** One report line. */
	static Map<String, Object> json(TargetResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("target", result.target());
		json.put("status", result.status().name());
		if (result.state() != null) {
			json.put("state", result.state().name());
		}
		json.put("headsBefore", result.headsBefore());
		json.put("headsAfter", result.headsAfter());
		json.put("applied", result.applied());
		json.put("durationMs", result.duration().toMillis());
		json.put("error", (result.failure() != null) ? error(result.failure()) : null);
		return json;
	}

	static Map<String, Object> error(TargetResult.Failure failure) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", failure.type());
		json.put("message", failure.message());
		json.put("revision", failure.revision());
		json.put("file", failure.file());
		json.put("line", failure.line());
		json.put("sqlState", failure.sqlState());
		return json;
	}

	/** The {@code --report} file, written as results come. */
	private static final class Report implements AutoCloseable {

		private final @Nullable PrintWriter out;

		Report(@Nullable Path file) {
			try {
				this.out = (file != null) ? new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))
						: null;
			}
			catch (IOException ex) {
				throw new UsageException("--report " + file + " cannot be written: " + ex.getMessage());
			}
		}

		void write(TargetResult result) {
			line(json(result));
		}

		void summary(String command, List<TargetResult> results, long millis, int exit) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("command", command);
			summary.put("targets", results.size());
			summary.put("counts", counts(results));
			summary.put("durationMs", millis);
			summary.put("exitCode", exit);
			line(Map.of("summary", summary));
		}

		private void line(Object value) {
			if (this.out != null) {
				this.out.println(Json.line(value));
				this.out.flush();
				if (this.out.checkError()) {
					throw new UncheckedIOException(new IOException("the report could not be written"));
				}
			}
		}

		@Override
		public void close() {
			if (this.out != null) {
				this.out.close();
			}
		}

	}

}
