package dev.migrations.benchmarks.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.benchmarks.tools.Results.Row;
import org.postgresql.util.DriverInfo;

/**
 * Compares Migrations with Flyway, Liquibase and a plain-JDBC floor on the same local
 * PostgreSQL, in one JVM, and prints a Markdown table and the targets reached. Progress
 * goes to standard error. See {@link Settings#USAGE} for the options.
 */
public final class ToolComparison {

	private ToolComparison() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		List<MigrationTool> tools = Tools.withPeers(settings.peers());
		PrintStream out = System.out;
		String started = Environment.now();
		String loadBefore = Environment.load();
		ComparisonRunner runner = new ComparisonRunner(settings, tools, System.err);
		for (int size : settings.sizes()) {
			runner.run(size);
		}
		out.printf("Started %s, finished %s (UTC); load average (1 min) %s at the start, %s at the end.%n", started,
				Environment.now(), loadBefore, Environment.load());
		out.printf("%s; %s %s; JDK %s.%n", Environment.machine(), settings.server().product(),
				settings.server().version(), Environment.jdk());
		List<String> versions = new ArrayList<>();
		for (MigrationTool tool : tools) {
			if (!tool.version().equals("-")) {
				versions.add(tool.name() + " " + tool.version());
			}
		}
		String driver = settings.server().mariaDb()
				? "MariaDB Connector/J " + Versions.of("org.mariadb.jdbc", "mariadb-java-client")
				: "PostgreSQL JDBC " + DriverInfo.DRIVER_VERSION;
		out.printf("%s; %s, HikariCP %s. %d warm-up and %d measured runs.%n%n", String.join(", ", versions), driver,
				Versions.of("com.zaxxer", "HikariCP"), settings.warmups(), settings.runs());
		String floor = tools.get(tools.size() - 1).name();
		List<Row> rows = new ArrayList<>();
		for (int size : settings.sizes()) {
			for (Metric metric : Metric.values()) {
				for (MigrationTool tool : tools) {
					runner.results().row(size, metric, tool.name(), floor).ifPresent(rows::add);
				}
			}
		}
		new TablePrinter(out).print(rows);
		out.println();
		List<String> peers = tools.subList(1, tools.size() - 1).stream().map(MigrationTool::name).toList();
		new Targets(runner.results(), tools.get(0).name(), floor, peers).check(settings.sizes()).forEach(out::println);
	}

}
