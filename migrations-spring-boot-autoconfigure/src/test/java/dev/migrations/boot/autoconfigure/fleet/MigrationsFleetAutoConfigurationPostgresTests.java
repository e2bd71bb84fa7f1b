package dev.migrations.boot.autoconfigure.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.migrations.boot.MigrationTargets;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpointWebExtension;
import dev.migrations.boot.fleet.MigrationsFleet;
import dev.migrations.boot.health.MigrationsFleetHealthIndicator;
import dev.migrations.boot.metrics.MigrationsFleetMeterBinder;
import dev.migrations.core.Fleet;
import dev.migrations.core.Fleet.TargetResult;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.fleet.*} on PostgreSQL: tenant schemas validated (by default) or
 * upgraded on startup, the {@code migrationsFleet} health component and the
 * {@code migrations.fleet.targets} metric from the cached results.
 */
@PostgresDatabase
class MigrationsFleetAutoConfigurationPostgresTests {

	@TempDir
	Path revisions;

	private ApplicationContextRunner runner;

	private JdbcClient jdbc;

	@BeforeEach
	void tenants(TestDatabase database) throws IOException {
		this.jdbc = JdbcClient.create(database.dataSource());
		for (String schema : List.of("tenant_a", "tenant_b", "tenant_c")) {
			this.jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
		}
		Files.writeString(this.revisions.resolve("001.sql"), """
				-- accounts
				--
				-- revision: 001
				-- down_revision:

				-- +upgrade
				CREATE TABLE accounts (id INT PRIMARY KEY);

				-- +downgrade
				DROP TABLE accounts;
				""");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsFleetAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + ((database.password() != null) ? database.password() : ""),
					"migrations.fleet.schemas=tenant_a,tenant_b,tenant_c",
					"migrations.fleet.locations=filesystem:" + this.revisions);
	}

	@Test
	void validatesByDefaultChangingNothingAndReportsThePendingTenants() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsFleet.class);
			assertThat(schemas()).isEmpty();
			Health health = context.getBean(MigrationsFleetHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("targets", 3)
				.containsEntry("states", Map.of("PENDING", 3))
				.containsEntry("heads", Map.of("base", 3));
		});
	}

	@Test
	void staysOutOfReadinessWhenTenantsArePendingOrDrifted() {
		List<AvailabilityChangeEvent<?>> events = new CopyOnWriteArrayList<>();
		ApplicationContextRunner listening = this.runner.withBean("availabilityEvents", ApplicationListener.class,
				() -> (ApplicationListener<AvailabilityChangeEvent<?>>) events::add);
		listening.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsFleetHealthIndicator.class).health().getDetails())
				.containsEntry("states", Map.of("PENDING", 3));
		});
		listening.withPropertyValues("migrations.fleet.on-startup=upgrade").run((context) -> {
			this.jdbc.sql("UPDATE tenant_b.migrations_applied SET checksum = 'edited'").update();
			context.getBean(MigrationsFleet.class).refresh();
			assertThat(context.getBean(MigrationsFleetHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN);
		});
		assertThat(events).as("availability changes published for the fleet").isEmpty();
	}

	@Test
	void upgradesEveryTenantOnStartupAndCountsThemInTheMetric() {
		this.runner.withPropertyValues("migrations.fleet.on-startup=upgrade").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schemas()).containsExactly("tenant_a", "tenant_b", "tenant_c");
			assertThat(this.jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")
				.query(Long.class)
				.single()).isEqualTo(3L);
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(MigrationsFleetMeterBinder.class).bindTo(registry);
			assertThat(registry.get("migrations.fleet.targets").tag("state", "UPGRADED").gauge().value()).isEqualTo(3);
			assertThat(registry.get("migrations.fleet.targets").tag("state", "FAILED").gauge().value()).isZero();
			assertThat(registry.get("migrations.fleet.targets").gauges()).hasSize(TargetResult.Status.values().length);
		});
	}

	@Test
	void aDriftedTenantTurnsTheFleetDownAtTheNextRefreshNamingIt() {
		this.runner.withPropertyValues("migrations.fleet.on-startup=upgrade").run((context) -> {
			this.jdbc.sql("UPDATE tenant_b.migrations_applied SET checksum = 'edited'").update();
			MigrationsFleetHealthIndicator indicator = context.getBean(MigrationsFleetHealthIndicator.class);
			assertThat(indicator.health().getStatus()).as("cached until the refresh").isEqualTo(Status.UP);

			context.getBean(MigrationsFleet.class).refresh();

			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("states", Map.of("UP_TO_DATE", 2, "DRIFTED", 1))
				.containsEntry("problems", List.of(Map.of("target", "tenant_b", "status", "DRIFTED")));

			MigrationsEndpointWebExtension endpoint = new MigrationsEndpointWebExtension(
					new MigrationsEndpoint(context));
			@SuppressWarnings("unchecked")
			Map<String, Object> fleet = (Map<String, Object>) endpoint.revision("fleet").getBody();
			assertThat(fleet).containsEntry("targets", 3)
				.containsEntry("states", Map.of("UP_TO_DATE", 2, "DRIFTED", 1))
				.containsEntry("heads", Map.of("001", 3));
			assertThat((List<?>) fleet.get("problems")).singleElement()
				.isEqualTo(Map.of("target", "tenant_b", "status", "DRIFTED", "state", "DRIFTED", "current",
						List.of("001"), "pending", List.of()));
			assertThat(endpoint.fleetTarget("fleet", "tenant_a").getBody()).isEqualTo(Map.of("target", "tenant_a",
					"status", "UP_TO_DATE", "state", "UP_TO_DATE", "current", List.of("001"), "pending", List.of()));
			assertThat(endpoint.fleetTarget("fleet", "tenant_x").getStatus()).isEqualTo(404);
		});
	}

	@Test
	void aMigrationTargetsBeanGivesTheTargets(TestDatabase database) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsFleetAutoConfiguration.class))
			.withBean(MigrationTargets.class,
					() -> () -> List.of(new Fleet.Target("only", database.dataSource(), "tenant_c")))
			.withPropertyValues("migrations.fleet.on-startup=upgrade",
					"migrations.fleet.locations=filesystem:" + this.revisions)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(schemas()).containsExactly("tenant_c");
				assertThat(context.getBean(MigrationsFleet.class).latest().orElseThrow().target("only"))
					.map(TargetResult::status)
					.hasValue(TargetResult.Status.UPGRADED);
			});
	}

	private List<String> schemas() {
		return this.jdbc.sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY 1")
			.query(String.class)
			.list();
	}

}
