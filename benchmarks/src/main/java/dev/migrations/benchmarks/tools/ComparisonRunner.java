package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.benchmarks.tools.FreshJvmNoOp.Measured;

/**
 * Runs every tool on every size: per run, each tool (in an order rotated from run to run)
 * applies all revisions to a fresh database, finds nothing to do with a fresh instance in
 * this JVM and in a new one, then applies the last revision to a copy of a database it
 * brought to the one before. Each call gets a fresh, fully connected pool. Every step is
 * checked against the database.
 */
final class ComparisonRunner {

	/**
	 * Extra no-op calls in each warm-up run, so that the JIT compiles every tool's start
	 * path before the measured runs, whose no-op is one call each.
	 */
	static final int NO_OP_WARMUP_CALLS = 10;

	private final Settings settings;

	private final List<MigrationTool> tools;

	private final Results results = new Results();

	private final PrintStream progress;

	ComparisonRunner(Settings settings, List<MigrationTool> tools, PrintStream progress) {
		this.settings = settings;
		this.tools = List.copyOf(tools);
		this.progress = progress;
	}

	Results results() {
		return this.results;
	}

	void run(int size) throws Exception {
		Path root = Files.createTempDirectory("migrations-benchmark-" + size + "-");
		Map<MigrationTool, Directories> directories = new LinkedHashMap<>();
		try {
			Workload all = Workload.of(size, this.settings.server().mariaDb());
			for (MigrationTool tool : this.tools) {
				Path toolRoot = root.resolve(Tools.key(tool));
				Directories dirs = new Directories(Files.createDirectories(toolRoot.resolve("all")),
						Files.createDirectories(toolRoot.resolve("all-but-last")));
				tool.write(all, dirs.all());
				tool.write(all.withoutLast(), dirs.allButLast());
				directories.put(tool, dirs);
			}
			for (MigrationTool tool : this.tools) {
				prepareTemplate(tool, size, directories.get(tool).allButLast());
			}
			int total = this.settings.warmups() + this.settings.runs();
			for (int run = 0; run < total; run++) {
				boolean measured = run >= this.settings.warmups();
				int recorded = run - this.settings.warmups();
				for (MigrationTool tool : rotated(run)) {
					runOnce(tool, size, directories.get(tool), measured, recorded, run + 1, total);
				}
			}
		}
		finally {
			for (MigrationTool tool : this.tools) {
				this.settings.server().drop(database(tool, size));
				this.settings.server().drop(template(tool, size));
			}
			delete(root);
		}
	}

	private void prepareTemplate(MigrationTool tool, int size, Path allButLast) throws Exception {
		PostgresServer server = this.settings.server();
		String template = template(tool, size);
		server.drop(template);
		server.create(template);
		try (HikariDataSource pool = server.pool(template)) {
			tool.migrate(pool, allButLast);
			check(tool, pool, size - 1, "preparing " + template);
		}
	}

	private void runOnce(MigrationTool tool, int size, Directories dirs, boolean measured, int recorded, int run,
			int total) throws Exception {
		PostgresServer server = this.settings.server();
		String database = database(tool, size);
		server.drop(database);
		server.create(database);
		Measurement applyAll = measure(tool, database, dirs.all(), size, size);
		Measurement noOp = measure(tool, database, dirs.all(), 0, size);
		if (!measured) {
			for (int i = 0; i < NO_OP_WARMUP_CALLS; i++) {
				measure(tool, database, dirs.all(), 0, size);
			}
		}
		Measured fresh = new FreshJvmNoOp(server).run(tool, dirs.all(), database);
		expect(tool, "the no-op in a new JVM", fresh.applied(), 0);
		server.drop(database);
		server.copy(template(tool, size), database);
		Measurement applyOne = measure(tool, database, dirs.all(), 1, size);
		server.drop(database);
		this.progress.printf(Locale.ROOT,
				"N=%d run %d/%d%s %-10s apply all %8.1f ms, no-op %6.1f ms (%5.1f MB), new JVM %6.0f ms "
						+ "(call %6.1f ms), apply one %6.1f ms%n",
				size, run, total, measured ? "" : " (warm-up)", tool.name(), applyAll.sample().millis(),
				noOp.sample().millis(), noOp.sample().allocatedBytes() / 1e6, fresh.process().millis(),
				fresh.call().millis(), applyOne.sample().millis());
		if (measured) {
			this.results.add(size, Metric.APPLY_ALL, tool.name(), recorded, applyAll.sample());
			this.results.add(size, Metric.NO_OP, tool.name(), recorded, noOp.sample());
			this.results.add(size, Metric.APPLY_ONE, tool.name(), recorded, applyOne.sample());
			this.results.add(size, Metric.NO_OP_FRESH_JVM, tool.name(), recorded, fresh.process());
			this.results.add(size, Metric.NO_OP_FRESH_JVM_CALL, tool.name(), recorded, fresh.call());
		}
	}

	/** One fresh tool instance on a fresh pool, checked: it applied {@code expected}. */
	private Measurement measure(MigrationTool tool, String database, Path directory, int expected, int size)
			throws Exception {
		try (HikariDataSource pool = this.settings.server().pool(database)) {
			System.gc();
			Measurement measurement = Measurement.of(() -> tool.migrate(pool, directory));
			expect(tool, "a run on " + database, measurement.applied(), expected);
			check(tool, pool, size, "a run on " + database);
			return measurement;
		}
	}

	private static void expect(MigrationTool tool, String what, int applied, int expected) {
		if (applied != -1 && applied != expected) {
			throw new IllegalStateException(
					tool.name() + " applied " + applied + " revisions in " + what + ", expected " + expected);
		}
	}

	private static void check(MigrationTool tool, HikariDataSource pool, int expected, String what)
			throws SQLException {
		try (Connection connection = pool.getConnection()) {
			int recorded = tool.appliedCount(connection);
			int tables = Jdbc.count(connection,
					connection.getMetaData().getURL().startsWith("jdbc:mariadb:")
							? "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
									+ "AND table_name LIKE 't\\_%'"
							: "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'");
			if (recorded != expected || tables != expected) {
				throw new IllegalStateException(tool.name() + " recorded " + recorded + " revisions and created "
						+ tables + " tables after " + what + ", expected " + expected);
			}
		}
	}

	/** The tools in table order, rotated by one place per run. */
	private List<MigrationTool> rotated(int run) {
		List<MigrationTool> order = new ArrayList<>(this.tools.size());
		for (int i = 0; i < this.tools.size(); i++) {
			order.add(this.tools.get((run + i) % this.tools.size()));
		}
		return order;
	}

	private static String database(MigrationTool tool, int size) {
		return "benchmark_" + Tools.key(tool) + "_" + size;
	}

	private static String template(MigrationTool tool, int size) {
		return "benchmark_template_" + Tools.key(tool) + "_" + size;
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * A tool's revision directories.
	 *
	 * @param all every revision
	 * @param allButLast every revision but the last
	 */
	private record Directories(Path all, Path allButLast) {

	}

}
