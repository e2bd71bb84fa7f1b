package dev.migrations.benchmarks.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
 * downgrade {@code -1}, upgrade again (no catalog comparison). PostgreSQL as the kit
 * finds it. Run from the repository's root; prints a Markdown table.
 */
public final class StairwayComparison {

	static final String SAMPLE = "filesystem:sample-app/src/main/resources/db/revisions";

	static final String LINEAR = "filesystem:benchmarks/target/stairway/linear";

	private static final int LINEAR_SIZE = 100;

	private StairwayComparison() {
	}

	public static void main(String[] args) throws Exception {
		writeLinear(Path.of("benchmarks/target/stairway/linear"), LINEAR_SIZE);
		PostgresServer server = PostgresServer.locate(System.getenv()).serverOrThrow();
		System.out.println(
				"| revisions | kit: stairway + no trace, total | per revision | naive up/down/up replay, total | per revision |");
		System.out.println("|---|---|---|---|---|");
		row("the sample's 6 SQL revisions (a branch and a merge)", SampleStairway.class, SAMPLE, server);
		row(LINEAR_SIZE + " generated revisions (a chain)", LinearStairway.class, LINEAR, server);
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
				migrator.downgrade("-1");
				migrator.upgrade(revision.id());
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
			String id = String.format(Locale.ROOT, "%012x", i);
			String parent = (i == 1) ? "None" : String.format(Locale.ROOT, "%012x", i - 1);
			String text = "-- table " + i + "\n--\n-- revision: " + id + "\n-- down_revision: " + parent
					+ "\n\n-- +upgrade\nCREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name TEXT NOT NULL, "
					+ "created_at TIMESTAMPTZ DEFAULT now());\nCREATE INDEX t_" + i + "_name ON t_" + i
					+ " (name);\n\n-- +downgrade\nDROP TABLE t_" + i + ";\n";
			Files.writeString(directory.resolve(String.format(Locale.ROOT, "%05d_%s_t_%d.sql", i, id, i)), text);
		}
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
	}

}
