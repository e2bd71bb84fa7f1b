package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of tenant databases, created from a template with {@code CREATE DATABASE ...
 * TEMPLATE}, through the command line: up to date, a new revision, the status histogram,
 * an unreachable target (exit 4). {@code -Dfleet.databases=500} runs it at full size (the
 * regular suite uses 20; the full-size numbers are in docs/fleets.md).
 */
@PostgresDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetDatabasesPostgresTests {

	private static final int DATABASES = Integer.getInteger("fleet.databases", 20);

	private TestDatabase database;

	private Path directory;

	private RevisionFiles files;

	private CliRunner cli;

	private Path targets;

	private final List<String> created = new ArrayList<>();

	@BeforeAll
	void tenants(TestDatabase database, @TempDir Path directory) throws Exception {
		this.database = database;
		this.directory = directory;
		this.files = new RevisionFiles(Files.createDirectories(directory.resolve("revisions")));
		this.files.write("001", "accounts", "CREATE TABLE accounts (id INT PRIMARY KEY);", "DROP TABLE accounts;",
				"revision: 001", "down_revision: ");
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATIONS_LOCATIONS", this.files.location());
		environment.put("MIGRATIONS_USER", database.user());
		environment.put("TENANT_PASSWORD", (database.password() != null) ? database.password() : "unused");
		this.cli = new CliRunner(environment);
		String template = database.name() + "_tpl";
		execute("CREATE DATABASE " + template);
		this.created.add(template);
		CliRunner.Result upgrade = this.cli.run("--url", url(template), "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		StringBuilder lines = new StringBuilder();
		for (int n = 1; n <= DATABASES; n++) {
			String name = database.name() + String.format("_%04d", n);
			execute("CREATE DATABASE " + name + " TEMPLATE " + template);
			this.created.add(name);
			lines.append("{\"id\": \"")
				.append(name)
				.append("\", \"url\": \"")
				.append(url(name))
				.append("\", \"password\": \"${TENANT_PASSWORD}\"}\n");
		}
		this.targets = directory.resolve("databases.jsonl");
		Files.writeString(this.targets, lines);
	}

	@AfterAll
	void dropTenants() throws SQLException {
		for (String name : this.created) {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	@Test
	@Order(1)
	void databasesClonedFromAnUpToDateTemplateAreUpToDate() {
		CliRunner.Result result = this.cli.run("upgrade", "--targets", this.targets.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(DATABASES + " target(s): " + DATABASES + " UP_TO_DATE\n");
	}

	@Test
	@Order(2)
	void aNewRevisionReachesEveryDatabase() throws Exception {
		this.files.write("002", "notes", "CREATE TABLE notes (id INT);", "DROP TABLE notes;", "revision: 002",
				"down_revision: 001");
		Path report = this.directory.resolve("report.jsonl");

		CliRunner.Result result = this.cli.run("upgrade", "--targets", this.targets.toString(), "--parallel", "8",
				"--report", report.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(DATABASES + " target(s): " + DATABASES + " UPGRADED\n");
		assertThat(Files.readAllLines(report)).hasSize(DATABASES + 1);
		for (String name : this.created.subList(1, this.created.size())) {
			assertThat(count(name, "SELECT count(*) FROM notes")).isZero();
			assertThat(count(name, "SELECT count(*) FROM migrations_applied")).isEqualTo(2);
		}
		assertThat(count(this.created.get(0), "SELECT count(*) FROM migrations_applied")).as("the template")
			.isEqualTo(1);
	}

	@Test
	@Order(3)
	void statusCountsEveryDatabaseByItsHeads() {
		CliRunner.Result result = this.cli.run("status", "--targets", this.targets.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo("""
				Targets: %d target(s): %d UP_TO_DATE
				Heads of the code: 002
				Targets by current heads:
				  002: %d
				""".formatted(DATABASES, DATABASES, DATABASES));
	}

	@Test
	@Order(4)
	void anUnreachableDatabaseExitsWithFourForARetry() throws IOException {
		Path targets = this.directory.resolve("with-unreachable.jsonl");
		Files.writeString(targets, Files.readString(this.targets)
				+ "{\"id\": \"gone\", \"url\": \"jdbc:postgresql://127.0.0.1:9/gone?connectTimeout=5\"}\n");

		CliRunner.Result result = this.cli.run("upgrade", "--targets", targets.toString(), "--max-failures", "1");

		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.out())
			.startsWith((DATABASES + 1) + " target(s): " + DATABASES + " UP_TO_DATE, 1 UNREACHABLE\n")
			.contains("  gone: UNREACHABLE base (");
	}

	private String url(String name) {
		return this.database.jdbcUrl().replaceFirst("/" + this.database.name() + "(\\?|$)", "/" + name + "$1");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private int count(String name, String sql) throws SQLException {
		try (Connection connection = java.sql.DriverManager.getConnection(url(name), this.database.user(),
				this.database.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
