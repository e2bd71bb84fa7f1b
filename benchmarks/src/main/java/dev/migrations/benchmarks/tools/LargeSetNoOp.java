package dev.migrations.benchmarks.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;

/**
 * The up-to-date start with many revisions, warm: for each size, the generated revisions
 * are written, recorded as applied with {@code stamp} (their checksums included), and a
 * fresh {@link Migrator} is created and upgraded to {@code heads} over and over: every
 * file loaded and hashed, the graph built and checked, the state read and validated
 * (checksums compared), the no-op planned. Prints a Markdown table: the median (min–max)
 * of the measured calls, and the time per revision, which stays flat if the work is
 * linear.
 * <p>
 * {@code java -cp benchmarks.jar dev.migrations.benchmarks.tools.LargeSetNoOp [--sizes
 * 1000,10000] [--warmups 10] [--runs 15]}
 */
public final class LargeSetNoOp {

	private LargeSetNoOp() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = List.of(1000, 10000);
		int warmups = 10;
		int runs = 15;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--sizes" -> sizes = Settings.parseSizes(args[i + 1]);
				case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
				case "--runs" -> runs = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
		System.out.println("Started " + Environment.now() + "; load average (1 min) " + Environment.load() + ".");
		System.out.println(Environment.machine() + "; JDK " + Environment.jdk() + ".");
		System.out.println();
		System.out.println("| revisions | no-op, warm, ms: median (min–max) | per revision, µs | allocated, MB |");
		System.out.println("|---:|---:|---:|---:|");
		for (int size : sizes) {
			Path directory = Files.createTempDirectory("migrations-large-" + size);
			String database = "bench_large_" + size;
			new MigrationsAdapter().write(Workload.of(size), directory);
			server.drop(database);
			server.create(database);
			try (HikariDataSource pool = server.pool(database)) {
				MigrationsConfiguration configuration = MigrationsConfiguration.builder()
					.dataSource(pool)
					.locations("filesystem:" + directory)
					.build();
				Migrator.create(configuration).stamp(List.of("heads"), false);
				for (int i = 0; i < warmups; i++) {
					noOp(configuration);
				}
				List<Double> millis = new ArrayList<>();
				List<Double> megabytes = new ArrayList<>();
				for (int i = 0; i < runs; i++) {
					System.gc();
					Measurement measurement = Measurement.of(() -> noOp(configuration));
					millis.add(measurement.sample().nanos() / 1e6);
					megabytes.add(measurement.sample().allocatedBytes() / 1e6);
				}
				Statistics time = Statistics.of(millis);
				System.out.printf("| %,d | %,.1f (%,.1f–%,.1f) | %.1f | %.1f |%n", size, time.median(), time.min(),
						time.max(), 1000 * time.median() / size, Statistics.of(megabytes).median());
			}
			finally {
				server.drop(database);
			}
		}
		System.out.println();
		System.out.println("Finished " + Environment.now() + "; load average (1 min) " + Environment.load() + ".");
	}

	private static int noOp(MigrationsConfiguration configuration) {
		RunResult result = Migrator.create(configuration).upgrade("heads");
		if (!result.steps().isEmpty()) {
			throw new IllegalStateException("Expected nothing to do, ran " + result.steps().size());
		}
		return 0;
	}

}
