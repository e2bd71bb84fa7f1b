package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTests {

	private final CliRunner cli = new CliRunner(Map.of());

	@Test
	void createsTheFolderWithAReadme(@TempDir Path temp) {
		Path directory = temp.resolve("db/revisions");

		CliRunner.Result result = this.cli.run("init", directory.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Created revisions folder " + directory + "\n");
		assertThat(directory.resolve("README.md")).content().contains("migrations revision -m");
	}

	@Test
	void refusesAFolderThatHoldsFilesAlready(@TempDir Path temp) throws IOException {
		Files.writeString(temp.resolve("001_initial.sql"), "-- revision: 001\n");

		CliRunner.Result result = this.cli.run("init", temp.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("FAILED: Directory " + temp + " already exists and is not empty\n");
		assertThat(temp.resolve("README.md")).doesNotExist();
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
		CliRunner.Result result = this.cli.run("init", "--bogus");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Unknown option: '--bogus'")
			.endsWith("Try 'migrations init --help' for usage.\n");
	}

	@Test
	void helpIsAvailableOnTheCommand() {
		CliRunner.Result result = this.cli.run("init", "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Usage: migrations init").contains("Create a revisions folder");
	}

}
