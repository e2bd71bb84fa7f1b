package dev.migrations.boot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsHealthIndicator} of an instance while another instance (a Kubernetes
 * Job, say) runs a revision that cannot roll back, on PostgreSQL.
 */
@PostgresDatabase
class MigrationsHealthIndicatorPostgresTests {

	@Test
	void isOutOfServiceWhileAnotherInstanceRunsARevisionThenUp(TestDatabase database) throws Exception {
		Migrator job = migrator(database);
		Migrator service = migrator(database);
		MigrationsHealthIndicator health = new MigrationsHealthIndicator(service);
		CompletableFuture<?> run = CompletableFuture.runAsync(() -> job.upgrade("heads"));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (service.status().revisionsIn(RevisionState.RUNNING).isEmpty()) {
			assertThat(run).as("the job is still running").isNotDone();
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(50);
		}
		Health running = health.health();
		assertThat(running.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(running.getDetails()).containsEntry("state", "RUNNING").containsEntry("running", "001");
		run.get();
		Health done = health.health();
		assertThat(done.getStatus()).isEqualTo(Status.UP);
		assertThat(done.getDetails()).containsEntry("state", "UP_TO_DATE");
	}

	private static Migrator migrator(TestDatabase database) {
		return Migrator.create(MigrationsConfiguration.builder()
			.dataSource(database.dataSource())
			.locations("classpath:revisions/slow-nontx")
			.build());
	}

}
