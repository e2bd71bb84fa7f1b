package dev.migrations.boot.autoconfigure.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.boot.autoconfigure.MigrationsInitializer;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.on-startup=validate} on PostgreSQL: the application starts, changes
 * nothing and refuses readiness until the revisions are applied by someone else (a
 * Kubernetes Job, say).
 */
@PostgresDatabase
class MigrationsValidateModeTests {

	@Test
	void leavesThePendingDatabaseUntouchedAndRefusesReadinessUntilAnotherProcessUpgradesIt(TestDatabase database)
			throws InterruptedException {
		try (ConfigurableApplicationContext context = MinimalApplication
			.on(database, "migrations.on-startup=validate", "migrations.locations=classpath:revisions/todo")
			.run()) {
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(tables(database)).isEmpty();

			Migrator
				.create(MigrationsConfiguration.builder()
					.dataSource(database.dataSource())
					.locations("classpath:revisions/todo")
					.build())
				.upgrade("heads");
			Instant deadline = Instant.now().plus(MigrationsInitializer.VALIDATE_INTERVAL.multipliedBy(3));
			while (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
				assertThat(Instant.now()).as("readiness within three validation intervals").isBefore(deadline);
				Thread.sleep(Duration.ofMillis(200).toMillis());
			}
			assertThat(context.getBean(MigrationsInitializer.class).isDatabaseReady()).isTrue();
		}
	}

	private static List<String> tables(TestDatabase database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list();
	}

}
