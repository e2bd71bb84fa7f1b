package dev.migrations.boot.autoconfigure.async;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.async=true} on PostgreSQL: the web server answers while the first
 * revision waits for an advisory lock the test holds (so the run is certainly in progress
 * while the test looks, however slow the machine); liveness is UP throughout, readiness
 * 503 until the run is done, and the endpoint shows the revision being applied.
 */
@PostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:revisions/gated", "migrations.async=true",
				"management.endpoint.health.probes.enabled=true",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class MigrationsAsyncStartupTests {

	private static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Migrator migrator;

	/** Holds the advisory lock revision 001 waits for, until the test has looked. */
	private static Connection gate;

	@BeforeAll
	static void useDatabase(TestDatabase testDatabase) throws SQLException {
		database = testDatabase;
		gate = database.dataSource().getConnection();
		try (Statement statement = gate.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(424242)");
		}
	}

	@AfterAll
	static void closeGate() throws SQLException {
		gate.close();
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void servesLivenessAtOnceAndReadinessOnceTheRevisionsAreApplied() throws Exception {
		MigrationsRunTracker tracker = MigrationsRunTracker.of(this.migrator).orElseThrow();
		assertThat(tracker.run().status()).isEqualTo(MigrationsRunTracker.Status.RUNNING);
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
		String migrator = "$.contexts.*.migrators.migrator";
		// The run may still be taking the lock and creating the state tables: wait for
		// its
		// first revision (which sleeps for seconds) to start.
		DocumentContext migrations = JsonPath.parse(get("/actuator/migrations").body());
		Instant started = Instant.now().plus(Duration.ofSeconds(10));
		while (migrations.<List<String>>read(migrator + ".run.current").isEmpty()) {
			assertThat(Instant.now()).as("revision 001 started within 10 s").isBefore(started);
			Thread.sleep(50);
			migrations = JsonPath.parse(get("/actuator/migrations").body());
		}
		assertThat(migrations.<List<String>>read(migrator + ".state")).containsExactly("RUNNING");
		assertThat(migrations.<List<String>>read(migrator + ".run.status")).containsExactly("RUNNING");
		assertThat(migrations.<List<String>>read(migrator + ".run.current")).containsExactly("001");
		assertThat(migrations.<List<Integer>>read(migrator + ".run.applied")).containsExactly(0);
		assertThat(migrations.<List<String>>read(migrator + ".pending[*]")).containsExactly("001", "002");
		HttpResponse<String> health = get("/actuator/health/migrations");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(JsonPath.parse(health.body()).<String>read("$.status")).isEqualTo("OUT_OF_SERVICE");
		assertThat(JsonPath.parse(health.body()).<String>read("$.details.running")).isEqualTo("001");
		assertThat(tracker.run().status()).as("still running after the probes were asked")
			.isEqualTo(MigrationsRunTracker.Status.RUNNING);

		try (Statement statement = gate.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(424242)");
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (get("/actuator/health/readiness").statusCode() != 200) {
			assertThat(Instant.now()).as("readiness within 60 s").isBefore(deadline);
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			Thread.sleep(200);
		}
		assertThat(tracker.run().status()).isEqualTo(MigrationsRunTracker.Status.SUCCEEDED);
		assertThat(tracker.run().applied()).isEqualTo(2);
		migrations = JsonPath.parse(get("/actuator/migrations").body());
		assertThat(migrations.<List<String>>read(migrator + ".state")).containsExactly("UP_TO_DATE");
		assertThat(migrations.<List<String>>read(migrator + ".run.status")).containsExactly("SUCCEEDED");
		assertThat(migrations.<List<Integer>>read(migrator + ".run.applied")).containsExactly(2);
		List<String> tables = JdbcClient.create(database.dataSource())
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
			.query(String.class)
			.list();
		assertThat(tables).containsExactly("migrations_applied", "migrations_history", "tasks", "users");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class AsyncApplication {

	}

}
