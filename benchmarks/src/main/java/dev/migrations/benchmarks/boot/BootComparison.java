package dev.migrations.benchmarks.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.migrations.benchmarks.boot.BootChild.Result;
import dev.migrations.benchmarks.tools.BootSupport;
import org.jspecify.annotations.Nullable;

/**
 * The Spring Boot startup cost as a service's users feel it: the same minimal service
 * (web, JPA, PostgreSQL) started in a fresh JVM per start with Migrations' starter,
 * Flyway's and Liquibase's auto-configuration, and none, each on a database it brought up
 * to date beforehand, the revisions in a directory and in a jar. Per run every start runs
 * once, in an order rotated from run to run; "added" is a start's time (or allocation)
 * minus that of {@code none} in the same run. Prints the README section's table and
 * checks (Markdown, standard output); progress goes to standard error.
 */
public final class BootComparison {

	static final String USAGE = "Options: --revisions 100 --warmups 1 --runs 7 "
			+ "--url jdbc:postgresql://127.0.0.1:5432/ --user postgres --password '' "
			+ "--service benchmarks-boot-service/target";

	/** The most Migrations may add to the time to ready, in milliseconds. */
	static final double MAX_ADDED_MILLIS = 100;

	private final Settings settings;

	private final BootSupport support;

	private final BootChild child;

	private final PrintStream progress;

	private final Map<Start, Map<Integer, Result>> results = new LinkedHashMap<>();

	BootComparison(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.support = new BootSupport(settings.url(), settings.user(), settings.password());
		this.child = new BootChild(settings.service());
		this.progress = progress;
	}

	/**
	 * Runs the comparison and prints its section.
	 * @param args the options, see {@link #USAGE}
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		String loadBefore = BootSupport.load();
		BootComparison comparison = new BootComparison(settings, System.err);
		comparison.run();
		comparison.print(System.out, loadBefore, BootSupport.load());
	}

	/**
	 * Every start, in table order: none, then each tool in a directory, then in a jar.
	 */
	static List<Start> starts() {
		List<Start> starts = new ArrayList<>();
		starts.add(new Start(Variant.NONE, Layout.DIRECTORY));
		for (Layout layout : Layout.values()) {
			for (Variant variant : Variant.values()) {
				if (variant.tool()) {
					starts.add(new Start(variant, layout));
				}
			}
		}
		return starts;
	}

	void run() throws Exception {
		List<Start> starts = starts();
		Path root = Files.createTempDirectory("migrations-boot-benchmark-");
		try {
			Map<Start, Launch> launches = new LinkedHashMap<>();
			for (Start start : starts) {
				launches.put(start, prepare(start, root));
			}
			int total = this.settings.warmups() + this.settings.runs();
			for (int run = 0; run < total; run++) {
				boolean measured = run >= this.settings.warmups();
				for (int i = 0; i < starts.size(); i++) {
					Start start = starts.get((run + i) % starts.size());
					Result result = launch(start, launches.get(start));
					this.progress.printf(Locale.ROOT,
							"run %d/%d%s %-17s ready after %5d ms (%5.0f ms from spawn), allocated %6.1f MB "
									+ "(live threads %6.1f MB), %d collections%n",
							run + 1, total, measured ? "" : " (warm-up)", start.label(), result.millis(),
							result.untilLineNanos() / 1e6, result.allocatedBytes() / 1e6,
							result.liveThreadBytes() / 1e6, result.collections());
					if (measured) {
						this.results.computeIfAbsent(start, (key) -> new LinkedHashMap<>())
							.put(run - this.settings.warmups(), result);
					}
				}
			}
		}
		finally {
			for (Start start : starts) {
				this.support.drop(start.database());
			}
			delete(root);
		}
	}

	/**
	 * Writes a start's revisions, creates its database and brings it up to date: with the
	 * schema's SQL for {@code none}, with one start of the service for a tool.
	 */
	private Launch prepare(Start start, Path root) throws Exception {
		String database = start.database();
		this.support.recreate(database);
		Variant variant = start.variant();
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.settings.url() + database,
				"--spring.datasource.username=" + this.settings.user(),
				"--spring.datasource.password=" + this.settings.password()));
		if (!variant.tool()) {
			this.support.createSchema(database, this.settings.revisions());
			Launch launch = new Launch(this.child.classPath(variant, null), arguments);
			check(start);
			return launch;
		}
		Path revisions = Files.createDirectories(root.resolve(variant.name().toLowerCase(Locale.ROOT)));
		if (Files.list(revisions).findAny().isEmpty()) {
			BootSupport.write(variant.label(), this.settings.revisions(), revisions);
		}
		Path jar = null;
		if (start.layout() == Layout.JAR) {
			jar = root.resolve(variant.name().toLowerCase(Locale.ROOT) + "-revisions.jar");
			jar(revisions, variant.jarFolder(), jar);
		}
		else {
			arguments.addAll(variant.directoryArguments(revisions));
		}
		Launch launch = new Launch(this.child.classPath(variant, jar), arguments);
		Result first = launch(start, launch);
		this.progress.printf(Locale.ROOT, "prepared %-17s first start applied %d revisions, ready after %d ms%n",
				start.label(), this.settings.revisions(), first.millis());
		return launch;
	}

	private Result launch(Start start, Launch launch) throws Exception {
		Result result = this.child.start(launch.classPath(), launch.arguments());
		check(start);
		return result;
	}

	/** The database holds every generated table and, for a tool, every revision. */
	private void check(Start start) throws Exception {
		int expected = this.settings.revisions();
		int tables = this.support.tables(start.database());
		int applied = start.variant().tool() ? this.support.applied(start.variant().label(), start.database())
				: expected;
		if (tables != expected || applied != expected) {
			throw new IllegalStateException(start.label() + ": " + tables + " tables and " + applied
					+ " revisions recorded in " + start.database() + ", expected " + expected);
		}
	}

	/** Writes the files of a directory into a new jar under {@code folder}. */
	static void jar(Path directory, String folder, Path jar) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(directory)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			List<String> folders = new ArrayList<>();
			for (Path file : files) {
				String name = folder + "/" + directory.relativize(file).toString().replace('\\', '/');
				for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
					String parent = name.substring(0, slash + 1);
					if (!folders.contains(parent)) {
						folders.add(parent);
						jarOut.putNextEntry(new JarEntry(parent));
						jarOut.closeEntry();
					}
				}
				jarOut.putNextEntry(new JarEntry(name));
				jarOut.write(Files.readAllBytes(file));
				jarOut.closeEntry();
			}
		}
	}

	/** Prints the section: where and how it was measured, the table and the checks. */
	void print(PrintStream out, String loadBefore, String loadAfter) throws Exception {
		out.printf(Locale.ROOT,
				"%s, %s, %s; PostgreSQL %s on the same machine; Migrations %s, Flyway %s, Liquibase %s, %s; "
						+ "load average %s before the run and %s after; %d revisions, %d warm-up and %d measured "
						+ "runs, a fresh JVM per start.%n%n",
				BootSupport.now(), BootSupport.machine(), BootSupport.jdk(), this.support.serverVersion(),
				BootSupport.version("Migrations"), BootSupport.version("Flyway"), BootSupport.version("Liquibase"),
				libraries(), loadBefore, loadAfter, this.settings.revisions(), this.settings.warmups(),
				this.settings.runs());
		out.println("| revisions | started with | time to ready, ms | added, ms "
				+ "| allocated by live threads, MB | added, MB | allocated by the collector's count, MB | added, MB |");
		out.println("|---|---|---:|---:|---:|---:|---:|---:|");
		Start none = new Start(Variant.NONE, Layout.DIRECTORY);
		for (Start start : starts()) {
			boolean tool = start.variant().tool();
			String layout = tool ? "in a " + start.layout().label() : "–";
			out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", layout, start.variant().label(),
					summary(values(start, Figure.TIME, null)), tool ? summary(values(start, Figure.TIME, none)) : "",
					megabytes(values(start, Figure.THREADS, null)),
					tool ? megabytes(values(start, Figure.THREADS, none)) : "",
					megabytes(values(start, Figure.HEAP, null)),
					tool ? megabytes(values(start, Figure.HEAP, none)) : "");
		}
		out.println();
		out.println(
				"Each cell: median (min–max) over the measured runs; \"added\": per run, minus `none` in the same run.");
		out.println();
		for (String check : checks()) {
			out.println(check);
		}
	}

	/**
	 * One line per target and layout: what was reached, and whether it meets the target.
	 */
	List<String> checks() {
		Start none = new Start(Variant.NONE, Layout.DIRECTORY);
		List<String> lines = new ArrayList<>();
		for (Layout layout : Layout.values()) {
			double[] time = new double[Variant.values().length];
			double[] threads = new double[Variant.values().length];
			double[] heap = new double[Variant.values().length];
			for (Variant variant : Variant.values()) {
				if (variant.tool()) {
					Start start = new Start(variant, layout);
					time[variant.ordinal()] = median(values(start, Figure.TIME, none));
					threads[variant.ordinal()] = median(values(start, Figure.THREADS, none)) / 1e6;
					heap[variant.ordinal()] = median(values(start, Figure.HEAP, none)) / 1e6;
				}
			}
			String where = "revisions in a " + layout.label();
			lines.add(smallest(where, "added time", time, "ms"));
			lines.add(smallest(where, "added allocation (live threads)", threads, "MB"));
			lines.add(smallest(where, "added allocation (collector's count)", heap, "MB"));
			double ours = time[Variant.MIGRATIONS.ordinal()];
			lines.add(line(ours < MAX_ADDED_MILLIS, String.format(Locale.ROOT, "%s, Migrations adds < %.0f ms: %s ms",
					where, MAX_ADDED_MILLIS, BootSupport.number(ours))));
		}
		return lines;
	}

	private static String smallest(String where, String what, double[] values, String unit) {
		double ours = values[Variant.MIGRATIONS.ordinal()];
		double flyway = values[Variant.FLYWAY.ordinal()];
		double liquibase = values[Variant.LIQUIBASE.ordinal()];
		return line(ours < flyway && ours < liquibase,
				String.format(Locale.ROOT, "%s, Migrations' %s is the smallest: %s %s (Flyway %s, Liquibase %s)", where,
						what, BootSupport.number(ours), unit, BootSupport.number(flyway),
						BootSupport.number(liquibase)));
	}

	private static String line(boolean met, String text) {
		return "- " + (met ? "met" : "**missed**") + ": " + text;
	}

	/**
	 * A start's values of a figure per measured run, minus those of {@code baseline} in
	 * the same run when given.
	 */
	List<Double> values(Start start, Figure figure, @Nullable Start baseline) {
		Map<Integer, Result> runs = this.results.getOrDefault(start, Map.of());
		Map<Integer, Result> base = (baseline != null) ? this.results.getOrDefault(baseline, Map.of()) : Map.of();
		List<Double> values = new ArrayList<>();
		runs.forEach((run, result) -> {
			if (baseline == null) {
				values.add(figure.of(result));
			}
			else if (base.containsKey(run)) {
				values.add(figure.of(result) - figure.of(base.get(run)));
			}
		});
		return values;
	}

	/** What the table shows of a start. */
	enum Figure {

		/** Time to ready, milliseconds. */
		TIME,

		/** Bytes allocated by the threads alive at ready. */
		THREADS,

		/** Bytes allocated on the heap, by the collector's count. */
		HEAP;

		double of(Result result) {
			return switch (this) {
				case TIME -> result.millis();
				case THREADS -> result.liveThreadBytes();
				case HEAP -> result.allocatedBytes();
			};
		}

	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String summary(List<Double> values) {
		if (values.isEmpty()) {
			return "";
		}
		double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		return BootSupport.number(median(values)) + " (" + BootSupport.number(min) + "–" + BootSupport.number(max)
				+ ")";
	}

	private static String megabytes(List<Double> bytes) {
		return summary(bytes.stream().map((value) -> value / 1e6).toList());
	}

	/** Spring Boot's, Hibernate's and Tomcat's versions, from the jars' names. */
	private String libraries() throws IOException {
		String classPath = this.child.classPath(Variant.NONE, null);
		return "Spring Boot " + jarVersion(classPath, "spring-boot") + ", Hibernate "
				+ jarVersion(classPath, "hibernate-core") + ", Tomcat " + jarVersion(classPath, "tomcat-embed-core")
				+ ", HikariCP " + jarVersion(classPath, "HikariCP");
	}

	static String jarVersion(String classPath, String artifact) {
		for (String entry : classPath.split(java.io.File.pathSeparator)) {
			String name = Path.of(entry).getFileName().toString();
			String prefix = artifact + "-";
			if (name.startsWith(prefix) && name.endsWith(".jar") && Character.isDigit(name.charAt(prefix.length()))) {
				return name.substring(prefix.length(), name.length() - ".jar".length());
			}
		}
		return "unknown";
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * How a start is launched.
	 *
	 * @param classPath the child's class path
	 * @param arguments the application's arguments
	 */
	private record Launch(String classPath, List<String> arguments) {

	}

	/**
	 * The options.
	 *
	 * @param revisions the revisions each tool has applied
	 * @param warmups unrecorded runs before the measured ones
	 * @param runs measured runs
	 * @param url the server's JDBC URL, without a database
	 * @param user the user, allowed to create databases
	 * @param password the password
	 * @param service the {@code target} directory of the built service module
	 */
	record Settings(int revisions, int warmups, int runs, String url, String user, String password, Path service) {

		Settings {
			if (revisions < 1 || warmups < 0 || runs < 1) {
				throw new IllegalArgumentException(
						"--revisions and --runs must be at least 1 and --warmups at least 0");
			}
			if (!url.endsWith("/")) {
				throw new IllegalArgumentException("--url must end with '/' (no database name), not " + url);
			}
		}

		static Settings parse(String... args) throws URISyntaxException {
			int revisions = 100;
			int warmups = 1;
			int runs = 7;
			String url = "jdbc:postgresql://127.0.0.1:5432/";
			String user = "postgres";
			String password = "";
			Path service = null;
			if (args.length % 2 != 0) {
				throw new IllegalArgumentException("Options come in pairs. " + USAGE);
			}
			for (int i = 0; i < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--revisions" -> revisions = Integer.parseInt(value);
					case "--warmups" -> warmups = Integer.parseInt(value);
					case "--runs" -> runs = Integer.parseInt(value);
					case "--url" -> url = value;
					case "--user" -> user = value;
					case "--password" -> password = value;
					case "--service" -> service = Path.of(value);
					default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. " + USAGE);
				}
			}
			return new Settings(revisions, warmups, runs, url, user, password,
					(service != null) ? service : defaultService());
		}

		/**
		 * The service module's {@code target} beside this module's: this class is in
		 * {@code benchmarks/target/benchmarks.jar} or {@code benchmarks/target/classes}.
		 */
		static Path defaultService() throws URISyntaxException {
			Path location = Path.of(BootComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return location.toAbsolutePath()
				.getParent()
				.getParent()
				.resolveSibling("benchmarks-boot-service")
				.resolve("target");
		}

	}

}
