package dev.migrations.boot.health;

import java.util.List;
import java.util.Map;

import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Step;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationsHealthIndicator} for each state, on in-memory H2 databases of their
 * own.
 */
class MigrationsHealthIndicatorTests {

	@Test
	void isUpWhenUpToDate() {
		Migrator migrator = migrator(h2("up_to_date"), "classpath:revisions/todo");
		migrator.upgrade("heads");
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails())
			.isEqualTo(Map.of("state", "UP_TO_DATE", "current", List.of("002"), "heads", List.of("002"), "pending", 0));
	}

	@Test
	void isUpWhenTheDatabaseIsAheadOfTheCode() {
		JdbcDataSource dataSource = h2("ahead");
		migrator(dataSource, "classpath:revisions/todo").upgrade("heads");
		Health health = new MigrationsHealthIndicator(migrator(dataSource, "classpath:revisions/todo-001-only"))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "AHEAD")
			.containsEntry("current", List.of("002"))
			.containsEntry("heads", List.of("001"));
	}

	@Test
	void isOutOfServiceWhileRevisionsArePending() {
		Migrator migrator = migrator(h2("pending"), "classpath:revisions/todo");
		migrator.upgrade("001");
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails())
			.isEqualTo(Map.of("state", "PENDING", "current", List.of("001"), "heads", List.of("002"), "pending", 1));
	}

	@Test
	void isOutOfServiceWhileARunIsGoingAndNamesTheRevision() {
		MigrationsRunTracker tracker = new MigrationsRunTracker();
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(h2("running"))
			.locations("classpath:revisions/todo")
			.listener(tracker)
			.build());
		tracker.runStarted(Operation.UPGRADE, "heads");
		tracker.revisionStarted(new Step(migrator.graph().find("001").orElseThrow(), Direction.UPGRADE));
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("state", "RUNNING")
			.containsEntry("running", "001")
			.containsEntry("pending", 2);
	}

	@Test
	void isDownWithTheErrorWhenARevisionIsRecordedFailed() {
		Migrator migrator = migrator(h2("failed"), "classpath:revisions/failing");
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "FAILED")
			.containsEntry("error",
					"Revision(s) recorded FAILED: 002; fix the database by hand, then run 'migrations repair'");
	}

	@Test
	void isDownWithTheErrorOfTheLatestRunWhenItFailed() {
		MigrationsRunTracker tracker = new MigrationsRunTracker();
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(h2("run_failed"))
			.locations("classpath:revisions/todo")
			.listener(tracker)
			.build());
		tracker.runStarted(Operation.UPGRADE, "heads");
		tracker.runFinished(
				new RunResult(Operation.UPGRADE, List.of(), List.of(), List.of(), java.time.Instant.now(),
						java.time.Duration.ofMillis(5)),
				new dev.migrations.core.MigrationsException("the lock was not free"));
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "FAILED")
			.containsEntry("error", "the lock was not free");
	}

	@Test
	void isUpWithoutTheErrorOfAFailedRunOnceAnotherInstanceUpgraded() {
		MigrationsRunTracker tracker = new MigrationsRunTracker();
		JdbcDataSource dataSource = h2("run_failed_then_fixed");
		Migrator migrator = Migrator.create(MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.locations("classpath:revisions/todo")
			.listener(tracker)
			.build());
		tracker.runStarted(Operation.UPGRADE, "heads");
		tracker.runFinished(
				new RunResult(Operation.UPGRADE, List.of(), List.of(), List.of(), java.time.Instant.now(),
						java.time.Duration.ofMillis(5)),
				new dev.migrations.core.MigrationsException("the lock was not free"));
		migrator(dataSource, "classpath:revisions/todo").upgrade("heads");
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "UP_TO_DATE").doesNotContainKey("error");
	}

	@Test
	void isDownWithTheChangedRevisionsWhenDrifted() {
		JdbcDataSource dataSource = h2("drifted");
		migrator(dataSource, "classpath:revisions/todo").upgrade("001");
		Health health = new MigrationsHealthIndicator(migrator(dataSource, "classpath:revisions/drifted")).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "DRIFTED")
			.containsEntry("error", "Applied revision(s) changed since they were applied: 001");
	}

	@Test
	void isDownWithTheErrorWhenTheDatabaseIsUnreachable() {
		org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
		unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
		Health health = new MigrationsHealthIndicator(migrator(unreachable, "classpath:revisions/todo")).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "UNAVAILABLE")
			.containsEntry("heads", List.of("002"))
			.doesNotContainKey("current");
		assertThat((String) health.getDetails().get("error")).startsWith("Could not read the state tables: ");
	}

	private static Migrator migrator(javax.sql.DataSource dataSource, String location) {
		return Migrator.create(MigrationsConfiguration.builder().dataSource(dataSource).locations(location).build());
	}

	private static JdbcDataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:health_" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		return dataSource;
	}

}
