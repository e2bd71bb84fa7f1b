package dev.migrations.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.testsupport.TestDatabase;

/** Starts {@link MigrateMain} in JVMs of their own. */
final class SeparateProcesses {

	private SeparateProcesses() {
	}

	static Process start(TestDatabase database, String location, Path log, String... options) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Xmx128m", "-XX:TieredStopAtLevel=1",
						MigrateMain.class.getName(), database.jdbcUrl(), database.user(),
						(database.password() != null) ? database.password() : "-", location));
		command.addAll(List.of(options));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
