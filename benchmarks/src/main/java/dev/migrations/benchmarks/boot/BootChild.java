package dev.migrations.benchmarks.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Starts the service in a fresh JVM ({@code java -cp … BootService}, no JVM options) and
 * reads the line it prints when the application is ready, then waits for it to stop.
 */
final class BootChild {

	static final String MAIN_CLASS = "dev.migrations.benchmarks.boot.service.BootService";

	private static final String RESULT = "BOOT-RESULT ";

	private static final int KEPT_LINES = 40;

	private final Path serviceTarget;

	/**
	 * @param serviceTarget the {@code target} directory of the built
	 * {@code benchmarks-boot-service} module: {@code classes} and {@code classpath/*.txt}
	 */
	BootChild(Path serviceTarget) {
		this.serviceTarget = serviceTarget;
		if (!Files.isDirectory(serviceTarget.resolve("classes"))
				|| !Files.isDirectory(serviceTarget.resolve("classpath"))) {
			throw new IllegalArgumentException("No built service in " + serviceTarget
					+ ": build it first, ./mvnw -B -q -pl benchmarks -am package -DskipTests");
		}
	}

	/**
	 * The class path of a variant: the service's classes, its jars, then {@code extra}.
	 */
	String classPath(Variant variant, @Nullable Path extra) throws IOException {
		String jars = Files
			.readString(this.serviceTarget.resolve("classpath").resolve(variant.classPathFile()),
					StandardCharsets.UTF_8)
			.trim();
		String classPath = this.serviceTarget.resolve("classes") + java.io.File.pathSeparator + jars;
		return (extra != null) ? classPath + java.io.File.pathSeparator + extra : classPath;
	}

	/**
	 * Starts the service once.
	 * @param classPath its class path
	 * @param arguments the application's arguments ({@code --name=value})
	 * @return what it measured
	 */
	Result start(String classPath, List<String> arguments) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath, MAIN_CLASS));
		command.addAll(arguments);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Deque<String> last = new ArrayDeque<>();
		String result = null;
		long untilLine = -1;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (result == null && line.startsWith(RESULT)) {
					untilLine = System.nanoTime() - start;
					result = line.substring(RESULT.length()).trim();
				}
				last.addLast(line);
				if (last.size() > KEPT_LINES) {
					last.removeFirst();
				}
			}
		}
		int exit = process.waitFor();
		if (result == null || exit != 0) {
			throw new IllegalStateException("The service exited with " + exit
					+ (result == null ? " before it was ready" : "") + "; its last lines:\n" + String.join("\n", last));
		}
		String[] fields = result.split(" ");
		return new Result(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
				Long.parseLong(fields[3]), untilLine);
	}

	/**
	 * What one start measured.
	 *
	 * @param millis from the JVM's start to {@code ApplicationReadyEvent}, in the child
	 * @param allocatedBytes the heap allocated until then, by the collector's accounting
	 * @param liveThreadBytes the sum of {@code getThreadAllocatedBytes} of the threads
	 * alive then
	 * @param collections the collections until then
	 * @param untilLineNanos from the parent's {@code ProcessBuilder.start} to reading the
	 * result line
	 */
	record Result(long millis, long allocatedBytes, long liveThreadBytes, long collections, long untilLineNanos) {

	}

}
