package dev.migrations.boot.actuate.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import dev.migrations.testsupport.Transcript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bodies of {@code /actuator/migrations}, {@code /actuator/migrations/{revision}} and
 * {@code /actuator/health/migrations} through the states a service meets (migrated on
 * startup, pending, drifted, failed by a newer release), compared byte for byte with the
 * committed transcript {@code src/test/resources/transcripts/endpoint.txt}. Written anew
 * with {@code -Dtranscripts.update=true}.
 */
@PostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:revisions/todo",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always", "spring.application.name=transcript" })
@DirtiesContext
class MigrationsEndpointTranscriptTests {

	private static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

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
	void everyStateReadsAsTheTranscriptRecords() throws Exception {
		Transcript transcript = new Transcript().replace(database.name(), "<database>")
			.replace(database.user(), "<user>")
			.replace(String.valueOf(this.port), "<port>")
			.replace(hostName(), "<host>");
		JdbcClient jdbc = JdbcClient.create(database.dataSource());

		readAll(transcript, "migrated on startup");
		get(transcript, "/actuator/migrations/002");
		get(transcript, "/actuator/migrations/nope");

		otherProcess("classpath:revisions/todo").downgrade("001");
		readAll(transcript, "a revision pending");
		otherProcess("classpath:revisions/todo").upgrade("heads");

		String recorded = jdbc.sql("SELECT checksum FROM migrations_applied WHERE revision = '001'")
			.query(String.class)
			.single();
		jdbc.sql("UPDATE migrations_applied SET checksum = :checksum WHERE revision = '001'")
			.param("checksum", "0".repeat(64))
			.update();
		readAll(transcript, "drifted");
		jdbc.sql("UPDATE migrations_applied SET checksum = :checksum WHERE revision = '001'")
			.param("checksum", recorded)
			.update();

		try {
			otherProcess("classpath:revisions/todo", "classpath:revisions/newer-failing").upgrade("heads");
		}
		catch (RuntimeException expected) {
			transcript.command("a newer release fails").section("exception", expected.getMessage() + "\n");
		}
		readAll(transcript, "failed by a newer release");
		get(transcript, "/actuator/migrations/003");

		transcript.assertMatches(Path.of("src/test/resources/transcripts/endpoint.txt"));
	}

	private void readAll(Transcript transcript, String state) throws IOException, InterruptedException {
		transcript.command("# " + state);
		get(transcript, "/actuator/migrations");
		get(transcript, "/actuator/health/migrations");
	}

	private void get(Transcript transcript, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		transcript.command("GET " + path + "  # " + response.statusCode()).section("body", response.body());
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "unknown";
		}
	}

	private static Migrator otherProcess(String... locations) {
		return Migrator.create(MigrationsConfiguration.builder()
			.dataSource(database.dataSource())
			.locations(locations)
			.lockTimeout(Duration.ofSeconds(10))
			.build());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class EndpointApplication {

	}

}
