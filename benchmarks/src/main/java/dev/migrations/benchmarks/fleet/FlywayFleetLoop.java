package dev.migrations.benchmarks.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flywaydb.core.Flyway;

/**
 * The Flyway answer to a fleet: a loop of {@code migrate()} calls over tenant databases
 * in one JVM, one after the other. Prints the targets per minute and the p50/p95 of one
 * target, to compare with {@code migrations upgrade --targets} over the same databases.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.migrations.benchmarks.fleet.FlywayFleetLoop
 * jdbc:postgresql://127.0.0.1:5432/fleet_bench_ 100 filesystem:/tmp/flyway-revisions postgres}
 * migrates {@code fleet_bench_0001} to {@code fleet_bench_0100}.
 */
public final class FlywayFleetLoop {

	private FlywayFleetLoop() {
	}

	public static void main(String[] args) {
		String prefix = args[0];
		int count = Integer.parseInt(args[1]);
		String location = args[2];
		String user = args[3];
		List<Long> durations = new ArrayList<>();
		int executed = 0;
		long start = System.nanoTime();
		for (int n = 1; n <= count; n++) {
			long one = System.nanoTime();
			executed += Flyway.configure()
				.dataSource(prefix + String.format("%04d", n), user, null)
				.locations(location)
				.load()
				.migrate().migrationsExecuted;
			durations.add((System.nanoTime() - one) / 1_000_000);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		Collections.sort(durations);
		System.out.printf("%d databases, %d migrations executed, %d ms: %d/min, p50 %d ms, p95 %d ms%n", count,
				executed, millis, Math.round(count * 60_000.0 / millis), durations.get((count - 1) / 2),
				durations.get((int) Math.ceil(count * 0.95) - 1));
	}

}
