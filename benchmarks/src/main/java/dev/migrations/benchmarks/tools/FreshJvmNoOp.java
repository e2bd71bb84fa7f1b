package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The no-op in a new JVM, as an application start pays it: the parent starts
 * {@code java -cp <this class path>} on this class's {@link #main}, which opens a pool,
 * runs the tool once and prints the call's time and allocation; the parent also measures
 * the whole process, from start to exit.
 */
public final class FreshJvmNoOp {

	private static final String RESULT = "RESULT ";

	private final PostgresServer server;

	FreshJvmNoOp(PostgresServer server) {
		this.server = server;
	}

	/**
	 * Runs the tool in a new JVM.
	 * @return the sample of the whole process and that of the tool call
	 */
	Measured run(MigrationTool tool, Path directory, String database) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
				FreshJvmNoOp.class.getName(), tool.name(), directory.toString(), this.server.baseUrl(),
				this.server.user(), this.server.password(), database);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectError(Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		long nanos = System.nanoTime() - start;
		String line = output.lines()
			.filter((candidate) -> candidate.startsWith(RESULT))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The child JVM of " + tool.name() + " exited with " + exit + " and printed: " + output));
		if (exit != 0) {
			throw new IllegalStateException("The child JVM of " + tool.name() + " exited with " + exit);
		}
		String[] fields = line.substring(RESULT.length()).trim().split(" ");
		Sample call = new Sample(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
		return new Measured(new Sample(nanos, -1), call, Integer.parseInt(fields[2]));
	}

	/**
	 * The child JVM: {@code tool directory baseUrl user password database}.
	 * @param args the arguments
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			throw new IllegalArgumentException("Expected: tool directory baseUrl user password database");
		}
		MigrationTool tool = Tools.named(args[0]);
		Path directory = Path.of(args[1]);
		PostgresServer server = new PostgresServer(args[2], args[3], args[4]);
		try (HikariDataSource pool = server.pool(args[5])) {
			Measurement measurement = Measurement.of(() -> tool.migrate(pool, directory));
			System.out.println(RESULT + measurement.sample().nanos() + " " + measurement.sample().allocatedBytes() + " "
					+ measurement.applied());
		}
	}

	/**
	 * What a child JVM measured.
	 *
	 * @param process the whole process (no allocation figure)
	 * @param call the tool call inside it
	 * @param applied what the call returned
	 */
	record Measured(Sample process, Sample call, int applied) {

	}

}
