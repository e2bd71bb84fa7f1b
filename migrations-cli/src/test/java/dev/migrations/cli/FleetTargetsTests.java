package dev.migrations.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Targets files: JSON Lines, secrets only as {@code ${ENV}}, errors naming file and line.
 */
class FleetTargetsTests {

	@TempDir
	Path directory;

	@Test
	void readsSchemaAndUrlTargetsExpandingVariables() throws IOException {
		Path file = write("""
				{"id": "t_0001", "schema": "t_0001"}

				{"id": "t_0002", "url": "jdbc:postgresql://db2/app", "user": "${DB_USER}", "password": "${DB_PASSWORD}"}
				""");

		List<FleetTargets.Entry> entries = FleetTargets.fromFile(file.toString(), new StringReader(""),
				Map.of("DB_USER", "app", "DB_PASSWORD", "s3cret"));

		assertThat(entries).containsExactly(new FleetTargets.Entry("t_0001", "t_0001", null, null, null),
				new FleetTargets.Entry("t_0002", null, "jdbc:postgresql://db2/app", "app", "s3cret"));
	}

	@Test
	void refusesAPasswordWrittenOut() throws IOException {
		Path file = write("{\"id\": \"t_0001\", \"url\": \"jdbc:postgresql://db/app\", \"password\": \"hunter2\"}\n");

		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> FleetTargets.fromFile(file.toString(), new StringReader(""), Map.of()))
			.withMessage(file + ":1: the password of target 't_0001' is written out; give it as \"${VARIABLE}\" and "
					+ "set that environment variable");
	}

	@Test
	void refusesAPasswordInAUrl() throws IOException {
		Path file = write("{\"id\": \"t_0001\", \"url\": \"postgresql://app:hunter2@db/app\"}\n");

		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> FleetTargets.fromFile(file.toString(), new StringReader(""), Map.of()))
			.withMessageContaining(":1: the url of target 't_0001' holds a password; give it as ${VARIABLE}");
	}

	@Test
	void namesTheFileAndLineOfABadLine() throws IOException {
		Path file = write("{\"id\": \"t_0001\", \"schema\": \"t_0001\"}\n{\"id\": \"t_0002\", \"schema\": }\n");

		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> FleetTargets.fromFile(file.toString(), new StringReader(""), Map.of()))
			.withMessage(file + ":2: not a JSON object (expected a value at column 28); each line is one target, "
					+ "e.g. {\"id\": \"t_0001\", \"schema\": \"t_0001\"}");
	}

	@Test
	void namesAMissingVariableAndATargetGivenTwice() throws IOException {
		Path missing = write(
				"{\"id\": \"t_0001\", \"url\": \"jdbc:postgresql://db/app\", \"password\": \"${NOPE}\"}\n");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> FleetTargets.fromFile(missing.toString(), new StringReader(""), Map.of()))
			.withMessage(missing + ":1: the environment variable NOPE is not set");

		Path twice = write("{\"id\": \"a\", \"schema\": \"a\"}\n{\"id\": \"a\", \"schema\": \"b\"}\n");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> FleetTargets.fromFile(twice.toString(), new StringReader(""), Map.of()))
			.withMessage(twice + ":2: target id 'a' is given twice; each target needs an id of its own");
	}

	@Test
	void theFleetOptionsNeedTargetsAndABadShardIsAUsageError() {
		CliRunner cli = new CliRunner(Map.of());

		CliRunner.Result shardAlone = cli.run("upgrade", "--shard", "0/4");
		assertThat(shardAlone.exitCode()).isEqualTo(2);
		assertThat(shardAlone.err()).startsWith("FAILED: --shard, --report, --only-failed and --canary work on "
				+ "targets: give --targets FILE or --targets-query SQL\n");

		CliRunner.Result badShard = cli.run("--url", "jdbc:postgresql://127.0.0.1:9/x", "status", "--targets-query",
				"SELECT 1", "--shard", "4/4");
		assertThat(badShard.exitCode()).isEqualTo(2);
		assertThat(badShard.err()).startsWith("FAILED: --shard 4/4: K must be at least 1 and I from 0 to K-1\n");
	}

	private Path write(String text) throws IOException {
		Path file = Files.createTempFile(this.directory, "targets", ".jsonl");
		Files.writeString(file, text);
		return file;
	}

}
