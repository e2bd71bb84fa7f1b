package dev.migrations.boot.actuate.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.ParseContext;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET /actuator/migrations}, {@code /actuator/migrations/graph} and
 * {@code /actuator/health/migrations} over HTTP, on one PostgreSQL database taken through
 * the states a service meets: pending, up to date, drifted, failed. The application does
 * not migrate on startup; another process (the {@code Migrator} of the test, a newer
 * release) changes the database between the steps.
 */
@PostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:revisions/todo", "migrations.on-startup=none",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsEndpointWebTests {

	/** Null values are left out of the endpoint's JSON: read them as null. */
	private static final ParseContext JSON = JsonPath
		.using(Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL));

	private static final String PASSWORD_FALLBACK = "password-never-shown";

	private static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void useDatabase(TestDatabase testDatabase) {
		database = testDatabase;
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", MigrationsEndpointWebTests::password);
		registry.add("migrations.url", () -> database.jdbcUrl());
		registry.add("migrations.user", () -> database.user());
		registry.add("migrations.password", MigrationsEndpointWebTests::password);
	}

	private static String password() {
		return (database.password() != null) ? database.password() : PASSWORD_FALLBACK;
	}

	@Test
	@Order(1)
	void showsAPendingDatabase() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(password()).doesNotContain("jdbc:");
		DocumentContext json = JSON.parse(response.body());
		assertThat(json.<Map<String, Object>>read("$.contexts")).containsOnlyKeys(this.context.getId());
		assertThat(json.<String>read("$.contexts['" + this.context.getId() + "'].parentId")).isNull();
		Migrator migrator = migrator(json);
		assertThat(migrator.state).isEqualTo("PENDING");
		assertThat(migrator.json.<List<String>>read("$.current")).isEmpty();
		assertThat(migrator.json.<List<String>>read("$.heads")).containsExactly("002");
		assertThat(migrator.json.<List<String>>read("$.pending")).containsExactly("001", "002");
		assertThat(migrator.json.<String>read("$.run.status")).isEqualTo("NOT_STARTED");
		assertThat(migrator.json.<Integer>read("$.run.applied")).isZero();
		assertThat(migrator.json.<String>read("$.run.startedAt")).isNull();
		assertThat(migrator.json.<List<Object>>read("$.history")).isEmpty();
		assertThat(migrator.json.<String>read("$.error")).isNull();
		Map<String, Object> first = migrator.json.read("$.revisions[0]");
		assertThat(first).containsEntry("id", "001")
			.containsEntry("downRevisions", List.of())
			.containsEntry("dependsOn", List.of())
			.containsEntry("branchLabels", List.of())
			.containsEntry("message", "Create users")
			.containsEntry("script", "classpath:revisions/todo/001_users.sql")
			.containsEntry("state", "PENDING")
			.doesNotContainKeys("appliedAt", "appliedBy", "executionTime", "checksumMatches")
			.containsEntry("head", false)
			.containsEntry("branchPoint", false)
			.containsEntry("mergePoint", false);
		assertThat((String) first.get("checksum")).matches("[0-9a-f]{64}");
		Map<String, Object> second = migrator.json.read("$.revisions[1]");
		assertThat(second).containsEntry("id", "002")
			.containsEntry("downRevisions", List.of("001"))
			.containsEntry("state", "PENDING")
			.containsEntry("head", true);
		assertThat(health()).containsEntry("status", "OUT_OF_SERVICE");
		assertThat(get("/actuator/health/migrations").statusCode()).isEqualTo(503);
		HttpResponse<String> graph = get("/actuator/migrations/graph");
		assertThat(graph.statusCode()).isEqualTo(200);
		assertThat(graph.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(graph.body()).isEqualTo("""
				flowchart TD
				    r0["001 (pending)<br/>Create users"]
				    r1["002 (head) (pending)<br/>Create tasks"]
				    r0 --> r1
				    classDef head stroke-width:3px
				    class r1 head
				    classDef pending fill:#f5f5f5,stroke-dasharray:5 5
				    class r0,r1 pending
				""");
	}

	@Test
	@Order(2)
	void showsAnUpToDateDatabase() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		otherProcess("classpath:revisions/todo").upgrade("heads");
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		Migrator migrator = migrator(JSON.parse(response.body()));
		assertThat(migrator.state).isEqualTo("UP_TO_DATE");
		assertThat(migrator.json.<List<String>>read("$.current")).containsExactly("002");
		assertThat(migrator.json.<List<String>>read("$.heads")).containsExactly("002");
		assertThat(migrator.json.<List<String>>read("$.pending")).isEmpty();
		assertThat(migrator.json.<String>read("$.error")).isNull();
		Map<String, Object> first = migrator.json.read("$.revisions[0]");
		assertThat(first).containsEntry("id", "001")
			.containsEntry("state", "APPLIED")
			.containsEntry("appliedBy", database.user())
			.containsEntry("checksumMatches", true);
		assertThat(Instant.parse((String) first.get("appliedAt"))).isAfter(before).isBefore(Instant.now());
		assertThat(((Number) first.get("executionTime")).longValue()).isNotNegative();
		List<Map<String, Object>> history = migrator.json.read("$.history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).containsEntry("operation", "upgrade")
			.containsEntry("revision", "002")
			.containsEntry("fromHeads", List.of("001"))
			.containsEntry("toHeads", List.of("002"))
			.containsEntry("success", true)
			.doesNotContainKey("errorMessage")
			.containsEntry("databaseUser", database.user());
		assertThat(history.get(1)).containsEntry("revision", "001").containsEntry("fromHeads", List.of());
		assertThat(Instant.parse((String) history.get(0).get("startedAt"))).isAfter(before);
		assertThat(health()).containsEntry("status", "UP");
		assertThat(health()).extractingByKey("details")
			.isEqualTo(Map.of("state", "UP_TO_DATE", "current", List.of("002"), "heads", List.of("002"), "pending", 0));

		HttpResponse<String> one = get("/actuator/migrations/002");
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(JSON.parse(one.body()).<Map<String, Object>>read("$")).containsEntry("id", "002")
			.containsEntry("state", "APPLIED")
			.containsEntry("script", "classpath:revisions/todo/002_tasks.sql")
			.containsEntry("head", true);
		assertThat(get("/actuator/migrations/nope").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/migrations/graph").body()).isEqualTo("""
				flowchart TD
				    r0["001<br/>Create users"]
				    r1["002 (head) (current)<br/>Create tasks"]
				    r0 --> r1
				    classDef head stroke-width:3px
				    class r1 head
				    classDef current fill:#d4edda,stroke:#2e7d32,stroke-width:3px
				    class r1 current
				""");
	}

	@Test
	@Order(3)
	void showsADriftedDatabase() throws Exception {
		JdbcClient jdbc = JdbcClient.create(database.dataSource());
		String recorded = jdbc.sql("SELECT checksum FROM migrations_applied WHERE revision = '001'")
			.query(String.class)
			.single();
		jdbc.sql("UPDATE migrations_applied SET checksum = :checksum WHERE revision = '001'")
			.param("checksum", "0".repeat(64))
			.update();
		try {
			Migrator migrator = migrator(JSON.parse(get("/actuator/migrations").body()));
			assertThat(migrator.state).isEqualTo("DRIFTED");
			assertThat(migrator.json.<String>read("$.error"))
				.isEqualTo("Applied revision(s) changed since they were applied: 001");
			assertThat(migrator.json.<Map<String, Object>>read("$.revisions[0]")).containsEntry("state", "APPLIED")
				.containsEntry("checksum", "0".repeat(64))
				.containsEntry("checksumMatches", false);
			assertThat(migrator.json.<Map<String, Object>>read("$.revisions[1]")).containsEntry("checksumMatches",
					true);
			Map<String, Object> health = health();
			assertThat(health).containsEntry("status", "DOWN");
			assertThat(health).extractingByKey("details")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("state", "DRIFTED")
				.containsEntry("error", "Applied revision(s) changed since they were applied: 001");
		}
		finally {
			jdbc.sql("UPDATE migrations_applied SET checksum = :checksum WHERE revision = '001'")
				.param("checksum", recorded)
				.update();
		}
	}

	@Test
	@Order(4)
	void showsADatabaseWithAFailedRevisionOfANewerRelease() throws Exception {
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(
				() -> otherProcess("classpath:revisions/todo", "classpath:revisions/newer-failing").upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.recordedFailed()).isTrue());
		Migrator migrator = migrator(JSON.parse(get("/actuator/migrations").body()));
		assertThat(migrator.state).isEqualTo("FAILED");
		assertThat(migrator.json.<String>read("$.error"))
			.isEqualTo("Revision(s) recorded FAILED: 003; fix the database by hand, then run 'migrations repair'");
		assertThat(migrator.json.<List<String>>read("$.heads")).containsExactly("002");
		Map<String, Object> failed = migrator.json.read("$.revisions[2]");
		assertThat(failed).containsEntry("id", "003")
			.containsEntry("state", "FAILED")
			.doesNotContainKey("script")
			.containsEntry("downRevisions", List.of("002"))
			.containsEntry("message", "Index task titles (from a newer release)")
			.containsEntry("head", false);
		Map<String, Object> newest = migrator.json.read("$.history[0]");
		assertThat(newest).containsEntry("revision", "003").containsEntry("success", false);
		assertThat((String) newest.get("errorMessage")).contains("missing_column");
		Map<String, Object> health = health();
		assertThat(health).containsEntry("status", "DOWN");
		assertThat(health).extractingByKey("details")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("state", "FAILED");
	}

	private Map<String, Object> health() throws IOException, InterruptedException {
		return JSON.parse(get("/actuator/health/migrations").body()).read("$");
	}

	private dev.migrations.core.Migrator otherProcess(String... locations) {
		return dev.migrations.core.Migrator.create(MigrationsConfiguration.builder()
			.dataSource(database.dataSource())
			.locations(locations)
			.lockTimeout(Duration.ofSeconds(10))
			.build());
	}

	private Migrator migrator(DocumentContext json) {
		Map<String, Object> migrators = json.read("$.contexts['" + this.context.getId() + "'].migrators");
		assertThat(migrators).containsOnlyKeys("migrator");
		DocumentContext migrator = JSON.parse(migrators.get("migrator"));
		return new Migrator(migrator.read("$.state"), migrator);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private record Migrator(String state, DocumentContext json) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class EndpointApplication {

	}

}
