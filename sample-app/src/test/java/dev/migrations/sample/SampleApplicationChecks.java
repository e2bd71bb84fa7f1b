package dev.migrations.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real database, started on a database that a previous release left at
 * the merge revision with one user: the startup run applies the Java revision, which
 * backfills that user's preferences; the operator's view is read over HTTP. Each database
 * has a subclass.
 */
abstract class SampleApplicationChecks {

	private static final UUID EXISTING_USER = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");

	static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	/** Brings the test database to the previous release, with one user. */
	static void previousRelease(TestDatabase testDatabase, String locations, DatabaseType type) {
		database = testDatabase;
		Migrator previousRelease = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(testDatabase.dataSource())
			.locations(locations)
			.databaseType(type)
			.build());
		previousRelease.upgrade("c4d5e6f7a8b9");
		JdbcClient.create(testDatabase.dataSource())
			.sql("INSERT INTO users (id, email, name) VALUES (?, 'ada@example.com', 'Ada')")
			.param(EXISTING_USER)
			.update();
	}

	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void actuatorMigrationsShowsTheDatabaseAtTheJavaRevision() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode migrator = this.json.readTree(response.body()).at("/contexts/migrations-sample/migrators/migrator");
		assertThat(migrator.get("state").asString()).isEqualTo("UP_TO_DATE");
		assertThat(texts(migrator.get("current"))).containsExactly("d9e0f1a2b3c4");
		assertThat(texts(migrator.get("heads"))).containsExactly("d9e0f1a2b3c4");
		assertThat(migrator.get("pending")).isEmpty();
		assertThat(migrator.at("/run/status").asString()).isEqualTo("SUCCEEDED");
		assertThat(migrator.at("/run/applied").asInt()).isEqualTo(1);
		JsonNode revisions = migrator.get("revisions");
		assertThat(revisions).hasSize(7);
		assertThat(revisions)
			.allSatisfy((revision) -> assertThat(revision.get("state").asString()).isEqualTo("APPLIED"));
		JsonNode merge = find(revisions, "c4d5e6f7a8b9");
		assertThat(merge.get("mergePoint").asBoolean()).isTrue();
		assertThat(texts(merge.get("downRevisions"))).containsExactly("a1b2c3d4e5f6", "b7e8f9a0c1d2");
		JsonNode javaRevision = find(revisions, "d9e0f1a2b3c4");
		assertThat(javaRevision.get("message").asString()).isEqualTo("Backfill default preferences for existing users");
		assertThat(javaRevision.get("head").asBoolean()).isTrue();
		assertThat(response.body()).doesNotContain("password").doesNotContain(database.jdbcUrl());
	}

	@Test
	void readinessIsUpWithTheMigrationsComponent() throws Exception {
		HttpResponse<String> response = get("/actuator/health/readiness");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/migrations/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/migrations/details/state").asString()).isEqualTo("UP_TO_DATE");
	}

	@Test
	void theJavaRevisionBackfilledTheExistingUsersPreferencesFromTheBean() throws Exception {
		HttpResponse<String> response = get("/api/users/" + EXISTING_USER + "/preferences");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode preferences = this.json.readTree(response.body());
		assertThat(preferences.get("theme").asString()).isEqualTo("light");
		assertThat(preferences.get("notificationsEnabled").asBoolean()).isTrue();
	}

	@Test
	void theApiStoresTasksWithBothPriorityColumns() throws Exception {
		HttpResponse<String> created = post("/api/users/" + EXISTING_USER + "/tasks",
				"{\"title\":\"Water the plants\",\"priority\":\"high\",\"recurrencePattern\":\"weekly\"}");
		assertThat(created.statusCode()).isEqualTo(201);

		Map<String, Object> row = JdbcClient.create(database.dataSource())
			.sql("SELECT priority, priority_id, is_recurring, recurrence_pattern FROM tasks WHERE title = ?")
			.param("Water the plants")
			.query()
			.singleRow();
		assertThat(row).containsEntry("priority", "high")
			.containsEntry("priority_id", 3)
			.containsEntry("is_recurring", true)
			.containsEntry("recurrence_pattern", "weekly");
		JsonNode tasks = this.json.readTree(get("/api/users/" + EXISTING_USER + "/tasks").body());
		assertThat(texts(tasks, "title")).containsExactly("Water the plants");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static JsonNode find(JsonNode revisions, String id) {
		for (JsonNode revision : revisions) {
			if (revision.get("id").asString().equals(id)) {
				return revision;
			}
		}
		throw new AssertionError("No revision " + id + " in " + revisions);
	}

	private static List<String> texts(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static List<String> texts(JsonNode array, String field) {
		return array.valueStream().map((node) -> node.get(field).asString()).toList();
	}

}
