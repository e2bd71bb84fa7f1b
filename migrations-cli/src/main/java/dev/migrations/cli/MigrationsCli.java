package dev.migrations.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar migrations.jar}.
 */
@Command(name = "migrations", mixinStandardHelpOptions = true, version = "migrations 0.1.0-SNAPSHOT",
		description = "Alembic-style database schema revisions.")
public final class MigrationsCli implements Runnable {

	@Override
	public void run() {
		new CommandLine(this).usage(System.out);
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new MigrationsCli()).execute(args));
	}

}
