package dev.migrations.benchmarks.tools;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	@Test
	void defaultsAreTheIssuesSizesAndTheLocalServer() {
		Settings settings = Settings.parse();
		assertThat(settings.sizes()).containsExactly(100, 1000);
		assertThat(settings.runs()).isGreaterThanOrEqualTo(5);
		assertThat(settings.server())
			.isEqualTo(new PostgresServer("jdbc:postgresql://127.0.0.1:5432/", "postgres", ""));
	}

	@Test
	void optionsOverrideTheDefaults() {
		Settings settings = Settings.parse("--sizes", "10, 20", "--runs", "7", "--warmups", "0");
		assertThat(settings.sizes()).isEqualTo(List.of(10, 20));
		assertThat(settings.runs()).isEqualTo(7);
		assertThat(settings.warmups()).isZero();
	}

	@Test
	void peersChooseWhichToolsRunBesideMigrationsAndTheFloor() {
		assertThat(Tools.withPeers(Settings.parse().peers())).extracting(MigrationTool::name)
			.containsExactly("Migrations", "Flyway", "Liquibase", "JDBC floor");
		assertThat(Tools.withPeers(Settings.parse("--peers", "Liquibase").peers())).extracting(MigrationTool::name)
			.containsExactly("Migrations", "Liquibase", "JDBC floor");
		assertThat(Tools.withPeers(Settings.parse("--peers", "none").peers())).extracting(MigrationTool::name)
			.containsExactly("Migrations", "JDBC floor");
		assertThatIllegalArgumentException().isThrownBy(() -> Tools.withPeers(List.of("Alembic")))
			.withMessageContaining("Alembic");
	}

	@Test
	void unknownOptionsAndBadValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--size", "10"))
			.withMessageContaining("--size");
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--runs", "0"))
			.withMessageContaining("--runs");
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--url", "jdbc:postgresql://h/db"))
			.withMessageContaining("jdbc:postgresql://h/db");
	}

}
