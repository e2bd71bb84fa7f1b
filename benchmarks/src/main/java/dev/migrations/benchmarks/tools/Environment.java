package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A description of where the figures were taken, for the table's header. */
final class Environment {

	private Environment() {
	}

	/** The JDK, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1}. */
	static String jdk() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	/** The CPU model (on Linux) and the number of cores the JVM sees. */
	static String machine() {
		String model = "unknown CPU";
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			try {
				model = Files.readAllLines(cpuinfo)
					.stream()
					.filter((line) -> line.startsWith("model name"))
					.map((line) -> line.substring(line.indexOf(':') + 1).trim())
					.findFirst()
					.orElse(model);
			}
			catch (IOException ex) {
				// keep "unknown CPU"
			}
		}
		return String.format(Locale.ROOT, "%s, %d cores, %s %s", model, Runtime.getRuntime().availableProcessors(),
				System.getProperty("os.name"), System.getProperty("os.version"));
	}

	/** The one-minute load average, e.g. {@code 0.52}. */
	static String load() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** Now, in UTC, to the second. */
	static String now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
