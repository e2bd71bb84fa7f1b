package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs the command line in-process and captures what it prints. Its clock is fixed at
 * {@link #NOW} in UTC, so new revision files have known names.
 */
final class CliRunner {

	static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

	private final Map<String, String> environment;

	private final Clock clock;

	CliRunner(Map<String, String> environment) {
		this(environment, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	CliRunner(Map<String, String> environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = MigrationsCli.run(args, this.environment, this.clock, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(exitCode, out.toString(), err.toString());
	}

	record Result(int exitCode, String out, String err) {

	}

}
