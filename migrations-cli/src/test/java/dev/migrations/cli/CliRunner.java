package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process and captures what it prints. */
final class CliRunner {

	private final Map<String, String> environment;

	CliRunner(Map<String, String> environment) {
		this.environment = environment;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = MigrationsCli.run(args, this.environment, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(exitCode, out.toString(), err.toString());
	}

	record Result(int exitCode, String out, String err) {

	}

}
