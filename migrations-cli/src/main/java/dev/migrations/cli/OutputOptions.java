package dev.migrations.cli;

import picocli.CommandLine.Option;

/** The output options of the read commands: {@code -v} and {@code --json}. */
final class OutputOptions {

	/** {@code -v}: each revision in full, as Alembic's verbose entry. */
	static final class Verbose {

		@Option(names = { "-v", "--verbose" }, description = "show each revision in full")
		boolean enabled;

	}

	/** {@code --json}: machine output on standard output. */
	static final class JsonFormat {

		@Option(names = "--json", description = "machine-readable output")
		boolean enabled;

	}

	private OutputOptions() {
	}

}
