package dev.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Indexed Job of docs/fleets.md, as far as it can be tested without a cluster: the
 * manifest parses, fails an index on exit 1 and retries on exit 4, and the command of
 * each of its indexes, run here one after the other, covers every target exactly once.
 */
@PostgresDatabase
class KubernetesIndexedJobPostgresTests {

	private static final Pattern YAML = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

	@TempDir
	Path directory;

	@Test
	@SuppressWarnings("unchecked")
	void theManifestFailsAnIndexOnExitOneAndRetriesOnExitFour() throws IOException {
		Map<String, Object> job = manifest();
		Map<String, Object> spec = (Map<String, Object>) job.get("spec");

		assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
		assertThat(spec).containsEntry("completionMode", "Indexed").containsKey("backoffLimitPerIndex");
		assertThat(spec.get("completions")).isEqualTo(shards(job));
		List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<String, Object>) spec
			.get("podFailurePolicy")).get("rules");
		assertThat(rules).anySatisfy((rule) -> {
			assertThat(rule).containsEntry("action", "FailIndex");
			assertThat(((Map<String, Object>) rule.get("onExitCodes")).get("values")).isEqualTo(List.of(1, 2));
		});
		assertThat(rules).anySatisfy((rule) -> {
			assertThat(rule).containsEntry("action", "Count");
			assertThat(((Map<String, Object>) rule.get("onExitCodes")).get("values")).isEqualTo(List.of(4));
		});
		Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
		assertThat(pod).containsEntry("restartPolicy", "Never");
	}

	@Test
	void theCommandOfEachIndexRunLocallyCoversEveryTargetOnce(TestDatabase database) throws IOException {
		Map<String, Object> job = manifest();
		int shards = shards(job);
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		new RevisionFiles(revisions).write("001", "accounts", "CREATE TABLE accounts (id INT);", "DROP TABLE accounts;",
				"revision: 001", "down_revision: ");
		Path targets = this.directory.resolve("targets.jsonl");
		List<String> ids = IntStream.rangeClosed(1, 60).mapToObj((n) -> String.format("k_%04d", n)).toList();
		StringBuilder lines = new StringBuilder();
		ids.forEach(
				(id) -> lines.append("{\"id\": \"").append(id).append("\", \"schema\": \"").append(id).append("\"}\n"));
		Files.writeString(targets, lines);
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_URL", database.jdbcUrl());
		environment.put("MIGRATIONS_USER", database.user());
		if (database.password() != null) {
			environment.put("MIGRATIONS_PASSWORD", database.password());
		}
		CliRunner cli = new CliRunner(environment);
		List<String> covered = new ArrayList<>();
		for (int index = 0; index < shards; index++) {
			List<String> args = arguments(job, index);
			args.set(args.indexOf("--locations") + 1, "filesystem:" + revisions);
			args.set(args.indexOf("--targets") + 1, targets.toString());
			Path report = this.directory.resolve("report-" + index + ".jsonl");
			args.set(args.indexOf("--report") + 1, report.toString());

			CliRunner.Result result = cli.run(args.toArray(String[]::new));

			assertThat(result.exitCode()).as(result.err()).isZero();
			for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
				Map<String, Object> object = JsonLines.object(line);
				if (object.containsKey("target")) {
					assertThat(object.get("status")).isEqualTo("UPGRADED");
					covered.add((String) object.get("target"));
				}
			}
		}
		assertThat(covered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
	}

	/** The command line of index {@code index}: the container's script after the jar. */
	@SuppressWarnings("unchecked")
	private static List<String> arguments(Map<String, Object> job, int index) {
		String script = script(job).replace("$JOB_COMPLETION_INDEX", String.valueOf(index));
		List<String> words = new ArrayList<>();
		Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(script);
		while (word.find()) {
			words.add((word.group(1) != null) ? word.group(1) : word.group(2));
		}
		assertThat(words.subList(0, 4)).containsExactly("exec", "java", "-jar", "/app/migrations.jar");
		return new ArrayList<>(words.subList(4, words.size()));
	}

	@SuppressWarnings("unchecked")
	private static String script(Map<String, Object> job) {
		Map<String, Object> spec = (Map<String, Object>) job.get("spec");
		Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
		Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
		assertThat(container.get("command")).isEqualTo(List.of("sh", "-c"));
		return ((List<String>) container.get("args")).get(0);
	}

	private static int shards(Map<String, Object> job) {
		Matcher shard = Pattern.compile("--shard \"?\\$JOB_COMPLETION_INDEX/(\\d+)\"?").matcher(script(job));
		assertThat(shard.find()).as("the script shards by $JOB_COMPLETION_INDEX").isTrue();
		return Integer.parseInt(shard.group(1));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> manifest() throws IOException {
		String page = Files.readString(Path.of("../docs/fleets.md"));
		Matcher block = YAML.matcher(page);
		while (block.find()) {
			Map<String, Object> document = new Yaml().load(block.group(1));
			if ("Job".equals(document.get("kind"))) {
				return document;
			}
		}
		throw new AssertionError("docs/fleets.md shows no Job manifest in a ```yaml block");
	}

}
