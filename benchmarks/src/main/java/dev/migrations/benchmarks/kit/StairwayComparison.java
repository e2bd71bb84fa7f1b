package dev.migrations.benchmarks.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.test.database.PostgresServer;
import dev.migrations.test.database.ScratchDatabase;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Times the test kit's {@code stairway} and {@code downgradeLeavesNoTrace} (one shared
 * walk) over the sample's revisions and a generated chain, against the naive replay the
 * Alembic guides script: for each revision a fresh database, upgrade from base to it,
 * downgrade {@code -1} and upgrade again when it has a downgrade (no catalog comparison).
 * PostgreSQL as the kit finds it. Then the kit on a branched graph (a stem, branches each
 * starting with an irreversible revision, a merge) with and without forking the stem with
 * {@code CREATE DATABASE ... TEMPLATE}. Run from the repository's root; prints Markdown
 * tables. With the argument {@code branched}, only the branched graph.
 */
public final class StairwayComparison {

	static final String SAMPLE = "filesystem:sample-app/src/main/resources/db/revisions";

	static final String LINEAR = "filesystem:benchmarks/target/stairway/linear";

	static final String BRANCHED = "filesystem:benchmarks/target/stairway/branched";

	private static final int LINEAR_SIZE = 100;

	private static final int STEM = 40;

	private static final int BRANCHES = 4;

	private static final int BRANCH_SIZE = 5;

	private StairwayComparison() {
	}

	public static void main(String[] args) throws Exception {
		PostgresServer server = PostgresServer.locate(System.getenv()).serverOrThrow();
		if (args.length == 0 || !args[0].equals("branched")) {
			writeLinear(Path.of("benchmarks/target/stairway/linear"), LINEAR_SIZE);
			System.out.println("| revisions | kit: stairway + no trace, total | per revision "
					+ "| naive up/down/up replay, total | per revision |");
			System.out.println("|---|---|---|---|---|");
			row("the sample's 6 SQL revisions (a branch and a merge)", SampleStairway.class, SAMPLE, server);
			row(LINEAR_SIZE + " generated revisions (a chain)", LinearStairway.class, LINEAR, server);
			System.out.println();
		}
		writeBranched(Path.of("benchmarks/target/stairway/branched"));
		int revisions = order(BRANCHED).size();
		// alternated, the faster of two runs each: the first run of the JVM is also its
		// warm-up
		long forked = Long.MAX_VALUE;
		long replayed = Long.MAX_VALUE;
		for (int run = 0; run < 2; run++) {
			replayed = Math.min(replayed, timeKit(BranchedReplayedStairway.class));
			forked = Math.min(forked, timeKit(BranchedStairway.class));
		}
		long naive = timeNaive(BRANCHED, server);
		System.out.println("| revisions | kit with templates, total | per revision | kit replaying, total "
				+ "| per revision | naive up/down/up replay, total |");
		System.out.println("|---|---|---|---|---|---|");
		System.out.println("| " + revisions + " generated revisions (a stem of " + STEM + ", " + BRANCHES
				+ " branches of " + BRANCH_SIZE + " each starting with an irreversible revision, a merge) | "
				+ seconds(forked) + " | " + millis(forked / revisions) + " | " + seconds(replayed) + " | "
				+ millis(replayed / revisions) + " | " + seconds(naive) + " |");
	}

	private static void row(String name, Class<?> kitClass, String location, PostgresServer server)
			throws SQLException {
		int revisions = order(location).size();
		long kit = timeKit(kitClass);
		long naive = timeNaive(location, server);
		System.out.println("| " + name + " | " + seconds(kit) + " | " + millis(kit / revisions) + " | " + seconds(naive)
				+ " | " + millis(naive / revisions) + " |");
	}

	private static long timeKit(Class<?> kitClass) {
		LauncherDiscoveryRequest request = request()
			.selectors(selectMethod(kitClass, "stairway", "dev.migrations.test.RevisionRunner"),
					selectMethod(kitClass, "downgradeLeavesNoTrace", "dev.migrations.test.RevisionRunner"))
			.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		long start = System.nanoTime();
		launcher.execute(request, listener);
		long elapsed = System.nanoTime() - start;
		TestExecutionSummary summary = listener.getSummary();
		if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
			summary.getFailures().forEach((failure) -> failure.getException().printStackTrace());
			throw new IllegalStateException("The kit's run failed: " + summary.getTotalFailureCount() + " failures");
		}
		return elapsed;
	}

	private static long timeNaive(String location, PostgresServer server) throws SQLException {
		List<RevisionNode> order = order(location);
		long start = System.nanoTime();
		for (RevisionNode revision : order) {
			ScratchDatabase database = server.createDatabase(ScratchDatabase.uniqueName("naive"));
			try {
				Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
					.dataSource(database.dataSource())
					.locations(location)
					.build());
				migrator.upgrade(revision.id());
				if (revision.reversible()) {
					migrator.downgrade("-1");
					migrator.upgrade(revision.id());
				}
			}
			finally {
				server.dropDatabase(database.name());
			}
		}
		return System.nanoTime() - start;
	}

	private static List<RevisionNode> order(String location) {
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder().locations(location).build());
		return migrator.graph().planUpgrade(java.util.Set.of(), "heads").steps().stream().map(Step::revision).toList();
	}

	private static void writeLinear(Path directory, int size) throws IOException {
		Files.createDirectories(directory);
		for (int i = 1; i <= size; i++) {
			writeTable(directory, i, (i == 1) ? "None" : id(i - 1), true);
		}
	}

	/**
	 * A stem, branches on its last revision each starting with an irreversible revision,
	 * and a merge of the branches' last revisions.
	 */
	private static void writeBranched(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (int i = 1; i <= STEM; i++) {
			writeTable(directory, i, (i == 1) ? "None" : id(i - 1), true);
		}
		List<String> tips = new ArrayList<>();
		int next = STEM + 1;
		for (int branch = 0; branch < BRANCHES; branch++) {
			for (int j = 0; j < BRANCH_SIZE; j++, next++) {
				writeTable(directory, next, (j == 0) ? id(STEM) : id(next - 1), j != 0);
			}
			tips.add(id(next - 1));
		}
		String text = "-- merge the branches\n--\n-- revision: " + id(next) + "\n-- down_revision: "
				+ String.join(", ", tips) + "\n\n-- +upgrade\n\n-- +downgrade\n";
		Files.writeString(directory.resolve(String.format(Locale.ROOT, "%05d_%s_merge.sql", next, id(next))), text);
	}

	private static void writeTable(Path directory, int i, String parent, boolean reversible) throws IOException {
		String text = "-- table " + i + "\n--\n-- revision: " + id(i) + "\n-- down_revision: " + parent
				+ "\n\n-- +upgrade\nCREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name TEXT NOT NULL, "
				+ "created_at TIMESTAMPTZ DEFAULT now());\nCREATE INDEX t_" + i + "_name ON t_" + i + " (name);\n"
				+ (reversible ? "\n-- +downgrade\nDROP TABLE t_" + i + ";\n" : "");
		Files.writeString(directory.resolve(String.format(Locale.ROOT, "%05d_%s_t_%d.sql", i, id(i), i)), text);
	}

	private static String id(int i) {
		return String.format(Locale.ROOT, "%012x", i);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
	}

}
