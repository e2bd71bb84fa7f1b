package dev.migrations.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConnectionSettingsTests {

	private static final Map<String, String> ALL_VARIABLES = Map.of("MIGRATIONS_URL",
			"jdbc:postgresql://env-host/envdb", "MIGRATIONS_USER", "env-user", "MIGRATIONS_PASSWORD", "env-pass",
			"DATABASE_URL", "postgresql://url-user:url-pass@url-host:5432/urldb");

	@Test
	void optionsWinOverEveryVariable() {
		ConnectionSettings settings = ConnectionSettings.resolve("jdbc:h2:mem:x", "sa", "pw", ALL_VARIABLES);

		assertThat(settings).isEqualTo(new ConnectionSettings("jdbc:h2:mem:x", "sa", "pw"));
	}

	@Test
	void migrationsVariablesWinOverDatabaseUrl() {
		ConnectionSettings settings = ConnectionSettings.resolve(null, null, null, ALL_VARIABLES);

		assertThat(settings)
			.isEqualTo(new ConnectionSettings("jdbc:postgresql://env-host/envdb", "env-user", "env-pass"));
	}

	@Test
	void databaseUrlGivesUrlAndCredentialsWhenNothingElseDoes() {
		ConnectionSettings settings = ConnectionSettings.resolve(null, null, null,
				Map.of("DATABASE_URL", "postgresql://url-user:url-pass@url-host:5432/urldb?sslmode=disable"));

		assertThat(settings).isEqualTo(new ConnectionSettings("jdbc:postgresql://url-host:5432/urldb?sslmode=disable",
				"url-user", "url-pass"));
	}

	@Test
	void aUserOptionOverridesOnlyTheUserOfDatabaseUrl() {
		ConnectionSettings settings = ConnectionSettings.resolve(null, "admin", null,
				Map.of("DATABASE_URL", "postgresql://url-user:url-pass@url-host/urldb"));

		assertThat(settings).isEqualTo(new ConnectionSettings("jdbc:postgresql://url-host/urldb", "admin", "url-pass"));
	}

	@Test
	void withoutAnyUrlTheErrorSaysHowToGiveOne() {
		ConnectionSettings settings = ConnectionSettings.resolve(null, null, null, Map.of());

		assertThatIllegalStateException().isThrownBy(settings::requireUrl)
			.withMessage("No database to connect to: give --url, or set MIGRATIONS_URL or DATABASE_URL "
					+ "(postgresql://USER:PASSWORD@HOST:PORT/DATABASE or mysql://USER:PASSWORD@HOST:PORT/DATABASE)");
	}

	@Test
	void toStringMasksThePassword() {
		assertThat(new ConnectionSettings("jdbc:h2:mem:x", "sa", "hunter2"))
			.hasToString("ConnectionSettings[url=jdbc:h2:mem:x, user=sa, password=***]");
	}

}
