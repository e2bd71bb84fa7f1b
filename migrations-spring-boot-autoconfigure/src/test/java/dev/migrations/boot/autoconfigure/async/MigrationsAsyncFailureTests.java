package dev.migrations.boot.autoconfigure.async;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.async=true} on PostgreSQL with a revision that fails: the application
 * stays up and live, readiness stays refused, and the endpoint and the health component
 * show the error.
 */
@PostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:revisions/failing", "migrations.async=true",
				"management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,migrations",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class MigrationsAsyncFailureTests {

	private static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private Migrator migrator;

	@BeforeAll
	static void useDatabase(TestDatabase testDatabase) {
		database = testDatabase;
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void staysLiveButNotReadyAndShowsTheError() throws Exception {
		MigrationsRunTracker tracker = MigrationsRunTracker.of(this.migrator).orElseThrow();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (tracker.run().status() != MigrationsRunTracker.Status.FAILED) {
			assertThat(Instant.now()).as("the run fails within 30 s").isBefore(deadline);
			Thread.sleep(100);
		}
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		DocumentContext readinessJson = JsonPath.parse(readiness.body());
		assertThat(readinessJson.<String>read("$.components.readinessState.status")).isEqualTo("OUT_OF_SERVICE");
		assertThat(readinessJson.<String>read("$.components.migrations.status")).isEqualTo("DOWN");
		assertThat(readinessJson.<String>read("$.components.migrations.details.state")).isEqualTo("FAILED");

		DocumentContext migrations = JsonPath.parse(get("/actuator/migrations").body());
		String migrator = "$.contexts.*.migrators.migrator";
		assertThat(migrations.<List<String>>read(migrator + ".state")).containsExactly("FAILED");
		assertThat(migrations.<List<String>>read(migrator + ".current[*]")).containsExactly("001");
		assertThat(migrations.<List<String>>read(migrator + ".pending[*]")).containsExactly("002");
		assertThat(migrations.<List<String>>read(migrator + ".run.status")).containsExactly("FAILED");
		assertThat(migrations.<List<Integer>>read(migrator + ".run.applied")).containsExactly(1);
		String error = "Upgrade of revision 002 failed in classpath:revisions/failing/002_broken.sql at line 8 "
				+ "(SQLState 42P01): ERROR: relation \"missing_table\" does not exist";
		assertThat(migrations.<List<String>>read(migrator + ".run.error"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith(error);
		assertThat(migrations.<List<String>>read(migrator + ".error"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith(error);
		assertThat(migrations.<List<Boolean>>read(migrator + ".history[0].success")).containsExactly(false);

		Thread.sleep(1000);
		assertThat(get("/actuator/health/readiness").statusCode()).as("still refused").isEqualTo(503);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class FailingApplication {

	}

}
