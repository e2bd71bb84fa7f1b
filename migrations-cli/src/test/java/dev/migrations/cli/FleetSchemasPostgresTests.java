package dev.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of tenant schemas in one PostgreSQL database through the command line, one
 * scenario after the other on the same fleet: up to date, a new revision, a poisoned
 * tenant, a failing canary, a drifted tenant, four shards, a run killed with
 * {@code kill -9}. {@code -Dfleet.schemas=2000} runs it at full size (the regular suite
 * uses 200; the full-size numbers are in docs/fleets.md).
 */
@PostgresDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetSchemasPostgresTests {

	private static final int SCHEMAS = Integer.getInteger("fleet.schemas", 200);

	private Path directory;

	private TestDatabase database;

	private RevisionFiles files;

	private Map<String, String> environment;

	private CliRunner cli;

	private Path targets;

	@BeforeAll
	void fleet(TestDatabase database, @TempDir Path directory) throws IOException {
		this.database = database;
		this.directory = directory;
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		this.files = new RevisionFiles(revisions);
		this.files.write("001", "accounts", "CREATE TABLE accounts (id INT PRIMARY KEY);", "DROP TABLE accounts;",
				"revision: 001", "down_revision: ");
		this.environment = new HashMap<>();
		this.environment.put("MIGRATIONS_LOCATIONS", this.files.location());
		this.environment.put("MIGRATIONS_URL", database.jdbcUrl());
		this.environment.put("MIGRATIONS_USER", database.user());
		if (database.password() != null) {
			this.environment.put("MIGRATIONS_PASSWORD", database.password());
		}
		this.cli = new CliRunner(this.environment);
		this.targets = this.directory.resolve("targets.jsonl");
		StringBuilder lines = new StringBuilder();
		for (String id : ids()) {
			lines.append("{\"id\": \"").append(id).append("\", \"schema\": \"").append(id).append("\"}\n");
		}
		Files.writeString(this.targets, lines);
	}

	@Test
	@Order(1)
	void aFleetAtBaseIsUpgradedThenFoundUpToDate() throws Exception {
		Path report = this.directory.resolve("first.jsonl");

		CliRunner.Result first = fleet("upgrade", "--report", report.toString());

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).isEqualTo(SCHEMAS + " target(s): " + SCHEMAS + " UPGRADED\n");
		assertThat(first.err()).contains("INFO  [migrations] t_0001: UPGRADED base -> 001 (")
			.contains("INFO  [migrations] " + SCHEMAS + "/" + SCHEMAS + " done, 0 failed, ");
		List<Map<String, Object>> lines = report(report);
		assertThat(lines).hasSize(SCHEMAS + 1);
		assertThat(lines.subList(0, SCHEMAS)).allSatisfy((line) -> {
			assertThat(line.get("status")).isEqualTo("UPGRADED");
			assertThat(line.get("headsBefore")).isEqualTo(List.of());
			assertThat(line.get("headsAfter")).isEqualTo(List.of("001"));
			assertThat(line.get("applied")).isEqualTo(List.of("001"));
		});
		assertThat(lines.get(SCHEMAS).get("summary")).isEqualTo(Map.of("command", "upgrade", "targets", (long) SCHEMAS,
				"counts", Map.of("UPGRADED", (long) SCHEMAS), "durationMs",
				((Map<?, ?>) lines.get(SCHEMAS).get("summary")).get("durationMs"), "exitCode", 0L));
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).isEqualTo(SCHEMAS);

		CliRunner.Result second = fleet("upgrade");

		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).isEqualTo(SCHEMAS + " target(s): " + SCHEMAS + " UP_TO_DATE\n");
		assertThat(count("SELECT count(*) FROM t_0042.migrations_history")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aNewRevisionReachesEveryTenant() throws Exception {
		this.files.write("002", "notes", "CREATE TABLE notes (id INT);", "DROP TABLE notes;", "revision: 002",
				"down_revision: 001");

		CliRunner.Result result = fleet("upgrade", "--parallel", "8");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(SCHEMAS + " target(s): " + SCHEMAS + " UPGRADED\n");
		assertThat(result.err()).contains("t_0001: UPGRADED 001 -> 002 (");
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'notes'")).isEqualTo(SCHEMAS);
	}

	@Test
	@Order(3)
	void aPoisonedTenantFailsNamingRevisionFileAndLineTheOthersUpgradeAndOnlyFailedFinishesAfterTheFix()
			throws Exception {
		execute("CREATE TABLE t_0077.invoices (id INT)");
		this.files.write("003", "invoices", "SELECT 1;\nCREATE TABLE invoices (id INT);", "DROP TABLE invoices;",
				"revision: 003", "down_revision: 002");
		Path report = this.directory.resolve("poisoned.jsonl");

		CliRunner.Result result = fleet("upgrade", "--max-failures", "5", "--report", report.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).startsWith(SCHEMAS + " target(s): " + (SCHEMAS - 1) + " UPGRADED, 1 FAILED\n")
			.contains("  t_0077: FAILED 002 (");
		Map<String, Object> poisoned = report(report).stream()
			.filter((line) -> "t_0077".equals(line.get("target")))
			.findFirst()
			.orElseThrow();
		assertThat(poisoned.get("target")).isEqualTo("t_0077");
		assertThat(poisoned.get("status")).isEqualTo("FAILED");
		assertThat(poisoned.get("headsAfter")).isEqualTo(List.of("002"));
		Map<?, ?> error = (Map<?, ?>) poisoned.get("error");
		assertThat(error.get("type")).isEqualTo("RevisionFailedException");
		assertThat(error.get("revision")).isEqualTo("003");
		assertThat(error.get("file")).isEqualTo(this.files.location() + "/003.sql");
		assertThat(error.get("line")).isEqualTo(8L);
		assertThat(error.get("sqlState")).isEqualTo("42P07");
		assertThat((String) error.get("message")).contains("relation \"invoices\" already exists");
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'invoices'")).isEqualTo(SCHEMAS);
		assertThat(column("SELECT revision FROM t_0077.migrations_applied ORDER BY 1")).containsExactly("001", "002");

		execute("DROP TABLE t_0077.invoices");
		Path retry = this.directory.resolve("retry.jsonl");
		CliRunner.Result fixed = fleet("upgrade", "--only-failed", report.toString(), "--report", retry.toString());

		assertThat(fixed.exitCode()).as(fixed.err()).isZero();
		assertThat(fixed.out()).isEqualTo("1 target(s): 1 UPGRADED\n");
		assertThat(report(retry).get(0)).containsEntry("target", "t_0077").containsEntry("applied", List.of("003"));
		assertThat(column("SELECT revision FROM t_0077.migrations_applied ORDER BY 1")).containsExactly("001", "002",
				"003");
	}

	@Test
	@Order(4)
	void aFailingCanaryStopsBeforeAnyOtherTenantIsTouched() throws Exception {
		execute("CREATE TABLE t_0003.payments (id INT)");
		this.files.write("004", "payments", "CREATE TABLE payments (id INT);", "DROP TABLE payments;", "revision: 004",
				"down_revision: 003");
		int historyRows = count(historyOfAll());

		CliRunner.Result result = fleet("upgrade", "--canary", "t_0002,t_0003,t_0004", "--max-failures", "100");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out())
			.startsWith(SCHEMAS + " target(s): 1 UPGRADED, 1 FAILED, " + (SCHEMAS - 2) + " SKIPPED\n");
		assertThat(column("SELECT schemaname FROM pg_tables WHERE tablename = 'payments' ORDER BY 1"))
			.containsExactly("t_0002", "t_0003");
		assertThat(count(historyOfAll())).as("history rows: t_0002's upgrade and t_0003's failed attempt only")
			.isEqualTo(historyRows + 2);

		execute("DROP TABLE t_0003.payments");
		assertThat(fleet("upgrade", "--parallel", "8").exitCode()).isZero();
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'payments'")).isEqualTo(SCHEMAS);
	}

	@Test
	@Order(5)
	void statusGivesTheHeadsHistogramAndTheDriftedTenant() throws Exception {
		execute("UPDATE t_0123.migrations_applied SET checksum = 'edited by hand' WHERE revision = '002'");

		CliRunner.Result status = fleet("status", "--json");

		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("""
				  "targets": %d,
				  "codeHeads": ["004"],
				  "counts": {
				    "UP_TO_DATE": %d,
				    "DRIFTED": 1
				  },
				  "heads": [
				    {
				      "heads": ["004"],
				      "targets": %d
				    }
				  ],
				  "drifted": [
				    {
				      "target": "t_0123",
				      "status": "DRIFTED",
				      "current": ["004"],
				      "problem": "002 (%s/002.sql) changed after it was applied",
				      "revisions": ["002"]
				    }
				  ],
				  "failed": [],
				  "pending": []
				""".formatted(SCHEMAS, SCHEMAS - 1, SCHEMAS, this.files.location()));

		CliRunner.Result check = fleet("check");

		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out())
			.startsWith("1 of " + SCHEMAS + " target(s) do not match the code:\n  t_0123 (DRIFTED):\n"
					+ "    - revision 002 (" + this.files.location() + "/002.sql) changed after it was applied");

		assertThat(fleet("repair", "--checksums").out())
			.isEqualTo(SCHEMAS + " target(s): " + (SCHEMAS - 1) + " UP_TO_DATE, 1 UPGRADED\n");
		assertThat(fleet("check").out()).isEqualTo("OK: " + SCHEMAS + " target(s) are at the code's heads (004)\n");
	}

	@Test
	@Order(6)
	void fourShardsCoverEveryTargetExactlyOnce() throws Exception {
		this.files.write("005", "tags", "CREATE TABLE tags (id INT);", "DROP TABLE tags;", "revision: 005",
				"down_revision: 004");
		List<String> covered = new ArrayList<>();
		for (int shard = 0; shard < 4; shard++) {
			Path report = this.directory.resolve("shard-" + shard + ".jsonl");
			CliRunner.Result result = fleet("upgrade", "--shard", shard + "/4", "--report", report.toString());
			assertThat(result.exitCode()).as(result.err()).isZero();
			List<Map<String, Object>> lines = report(report);
			lines.subList(0, lines.size() - 1).forEach((line) -> {
				assertThat(line.get("status")).isEqualTo("UPGRADED");
				covered.add((String) line.get("target"));
			});
		}
		assertThat(covered).hasSize(SCHEMAS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids());
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'tags'")).isEqualTo(SCHEMAS);
		assertThat(count(historyOfAll("revision = '005'"))).isEqualTo(SCHEMAS);
	}

	@Test
	@Order(7)
	void aRunKilledMidwayLeavesNothingAppliedTwiceAndTheReRunFinishes() throws Exception {
		this.files.write("006", "slow", "CREATE TABLE slow (id INT);\nSELECT pg_sleep(0.05);", "DROP TABLE slow;",
				"revision: 006", "down_revision: 005");
		Path report = this.directory.resolve("killed.jsonl");
		Path log = this.directory.resolve("killed.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						MigrationsCli.class.getName(), "upgrade", "--targets", this.targets.toString(), "--parallel",
						"2", "--report", report.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(this.environment);
		Process process = builder.start();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (lines(report) < SCHEMAS / 4) {
			assertThat(process.isAlive()).as("the run is alive:\n%s", Files.exists(log) ? Files.readString(log) : "")
				.isTrue();
			assertThat(System.nanoTime()).as("a quarter of the targets done in time").isLessThan(deadline);
			Thread.sleep(50);
		}
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		int upgradedBefore = count("SELECT count(*) FROM pg_tables WHERE tablename = 'slow'");
		assertThat(upgradedBefore).as("killed midway").isBetween(SCHEMAS / 4, SCHEMAS - 1);

		Path rerun = this.directory.resolve("rerun.jsonl");
		CliRunner.Result result = fleet("upgrade", "--report", rerun.toString(), "--parallel", "8");

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<Map<String, Object>> lines = report(rerun);
		long upToDate = lines.stream().filter((line) -> "UP_TO_DATE".equals(line.get("status"))).count();
		long upgraded = lines.stream().filter((line) -> "UPGRADED".equals(line.get("status"))).count();
		assertThat(upToDate + upgraded).isEqualTo(SCHEMAS);
		assertThat(upToDate).isEqualTo(upgradedBefore);
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'slow'")).isEqualTo(SCHEMAS);
		assertThat(count(historyOfAll("revision = '006' AND success"))).as("006 applied once per tenant")
			.isEqualTo(SCHEMAS);
		assertThat(count(appliedOfAll("revision = '006'"))).isEqualTo(SCHEMAS);
	}

	@Test
	@Order(8)
	void targetsFromAQueryAndStandardInput() throws Exception {
		CliRunner.Result query = this.cli.run("current", "--targets-query",
				"SELECT nspname FROM pg_namespace WHERE nspname IN ('t_0001', 't_0002') ORDER BY 1");

		assertThat(query.exitCode()).as(query.err()).isZero();
		assertThat(query.out()).isEqualTo("t_0001: 006\nt_0002: 006\n");

		java.io.StringWriter out = new java.io.StringWriter();
		java.io.StringWriter err = new java.io.StringWriter();
		int exit = MigrationsCli.run(new String[] { "current", "--targets", "-" }, this.environment,
				java.time.Clock.systemUTC(), new java.io.StringReader("{\"id\": \"t_0009\", \"schema\": \"t_0009\"}\n"),
				new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));

		assertThat(exit).as(err.toString()).isZero();
		assertThat(out.toString()).isEqualTo("t_0009: 006\n");
	}

	private CliRunner.Result fleet(String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.add(1, "--targets");
		command.add(2, this.targets.toString());
		return this.cli.run(command.toArray(String[]::new));
	}

	private static List<String> ids() {
		return IntStream.rangeClosed(1, SCHEMAS).mapToObj((n) -> String.format("t_%04d", n)).toList();
	}

	private static List<Map<String, Object>> report(Path report) throws IOException {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) (Map<?, ?>) JsonLines.object(line);
			lines.add(object);
		}
		return lines;
	}

	private static int lines(Path report) throws IOException {
		if (!Files.exists(report)) {
			return 0;
		}
		return Files.readAllLines(report, StandardCharsets.UTF_8).size();
	}

	private static String historyOfAll(String... where) {
		return ofAll("migrations_history", where);
	}

	private static String appliedOfAll(String... where) {
		return ofAll("migrations_applied", where);
	}

	private static String ofAll(String table, String... where) {
		Set<String> parts = new HashSet<>();
		List<String> selects = new ArrayList<>();
		for (String id : ids()) {
			if (parts.add(id)) {
				selects.add("SELECT 1 FROM " + id + "." + table + ((where.length > 0) ? " WHERE " + where[0] : ""));
			}
		}
		return "SELECT count(*) FROM (" + String.join(" UNION ALL ", selects) + ") AS rows";
	}

	private int count(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private List<String> column(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
