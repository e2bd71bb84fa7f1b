package dev.migrations.test.database;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PostgresServerTests {

	@Test
	void anUnreachableConfiguredServerFailsWithAMessageSayingHowToProvideOne() {
		PostgresServer.Located located = PostgresServer
			.locate(Map.of(PostgresServer.URL_VARIABLE, "jdbc:postgresql://127.0.0.1:1/postgres?user=nobody"));

		assertThatIllegalStateException().isThrownBy(located::serverOrThrow)
			.withMessageStartingWith("MIGRATIONS_TEST_POSTGRES_URL is set but its server cannot be used: ")
			.withMessageContaining("Connection to 127.0.0.1:1 refused");
	}

	@Test
	void aMalformedConfiguredUrlNamesTheExpectedForm() {
		PostgresServer.Located located = PostgresServer
			.locate(Map.of(PostgresServer.URL_VARIABLE, "postgres://localhost/db"));

		assertThatIllegalStateException().isThrownBy(located::serverOrThrow)
			.withMessage("MIGRATIONS_TEST_POSTGRES_URL is set but its server cannot be used: "
					+ "Not a PostgreSQL JDBC URL: 'postgres://localhost/db'; "
					+ "expected jdbc:postgresql://host:port/database?user=...&password=...");
	}

}
