package dev.migrations.benchmarks.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.sun.management.ThreadMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;

/**
 * A driver for profiling the start of a service, with a profiler attached to its JVM
 * (async-profiler's {@code -agentpath:…=start,event=cpu,file=…,collapsed}, or JFR):
 * <ul>
 * <li>{@code setup N directory database} writes N generated revisions and applies them;
 * <li>{@code loop directory database seconds [gc|one]} creates a fresh {@link Migrator}
 * and upgrades to {@code heads} over and over for that long ({@code gc}: a
 * {@code System.gc()} before each call, as the comparison does; {@code one}: the last
 * revision downgraded before each call, so that each applies one), then prints the first
 * call (cold) and the medians of {@code create} and of the whole call, with the calling
 * thread's CPU time and allocation.
 * </ul>
 */
public final class BootPathProfile {

	private static final int MAX_CALLS = 100_000;

	private BootPathProfile() {
	}

	public static void main(String[] args) throws Exception {
		PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
		Path directory = Path.of(args[1]);
		String database = args[2];
		if (args[0].equals("setup")) {
			MigrationsAdapter tool = new MigrationsAdapter();
			Files.createDirectories(directory);
			tool.write(Workload.of(Integer.parseInt(args[3])), directory);
			server.drop(database);
			server.create(database);
			try (HikariDataSource pool = server.pool(database)) {
				System.out.println("applied " + tool.migrate(pool, directory));
			}
			return;
		}
		long seconds = Long.parseLong(args[3]);
		String mode = (args.length > 4) ? args[4] : "";
		try (HikariDataSource pool = server.pool(database)) {
			MigrationsConfiguration configuration = MigrationsConfiguration.builder()
				.dataSource(pool)
				.locations("filesystem:" + directory)
				.build();
			loop(configuration, seconds, mode.equals("gc") || mode.equals("one"), mode.equals("one"));
		}
	}

	private static void loop(MigrationsConfiguration configuration, long seconds, boolean gc, boolean applyOne) {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] create = new long[MAX_CALLS];
		long[] call = new long[MAX_CALLS];
		long[] cpu = new long[MAX_CALLS];
		long[] bytes = new long[MAX_CALLS];
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		int n = 0;
		while (n == 0 || (System.nanoTime() < end && n < MAX_CALLS)) {
			if (applyOne) {
				Migrator.create(configuration).downgrade("-1");
			}
			if (gc) {
				System.gc();
			}
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long bytesBefore = threads.getCurrentThreadAllocatedBytes();
			long start = System.nanoTime();
			Migrator migrator = Migrator.create(configuration);
			long created = System.nanoTime();
			migrator.upgrade("heads");
			call[n] = System.nanoTime() - start;
			create[n] = created - start;
			cpu[n] = threads.getCurrentThreadCpuTime() - cpuBefore;
			bytes[n] = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
			n++;
		}
		System.out.printf("first call: create %.2f ms, whole call %.2f ms, CPU %.2f ms%n", create[0] / 1e6,
				call[0] / 1e6, cpu[0] / 1e6);
		System.out.printf("%d calls, medians: create %.2f ms, whole call %.2f ms, CPU %.2f ms, allocated %.2f MB%n", n,
				median(create, n) / 1e6, median(call, n) / 1e6, median(cpu, n) / 1e6, median(bytes, n) / 1e6);
	}

	private static double median(long[] values, int n) {
		long[] sorted = Arrays.copyOf(values, n);
		Arrays.sort(sorted);
		return sorted[n / 2];
	}

}
