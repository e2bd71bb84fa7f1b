package dev.migrations.boot.health;

import dev.migrations.boot.MigratorReport;
import dev.migrations.boot.ReportedState;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one {@link Migrator}'s database: {@code UP} when up to date or ahead,
 * {@code OUT_OF_SERVICE} while revisions are pending or running, {@code DOWN} when a
 * revision or the latest run failed, an applied revision changed, or the database cannot
 * be read. Details: state, current heads, code heads, pending count and the error. Meant
 * for the {@code readiness} group.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private final Migrator migrator;

	public MigrationsHealthIndicator(Migrator migrator) {
		this.migrator = migrator;
	}

	@Override
	public Health health() {
		MigratorReport report = MigratorReport.read(this.migrator, 0);
		Health.Builder builder = switch (report.state()) {
			case UP_TO_DATE, AHEAD -> Health.up();
			case PENDING, RUNNING -> Health.outOfService();
			case FAILED, DRIFTED, UNAVAILABLE -> Health.down();
		};
		builder.withDetail("state", report.state().name());
		MigrationStatus status = report.status();
		if (status != null) {
			builder.withDetail("current", status.currentHeads())
				.withDetail("heads", status.codeHeads())
				.withDetail("pending", status.pending().size());
		}
		else {
			builder.withDetail("heads", this.migrator.graph().heads());
		}
		if (report.state() == ReportedState.RUNNING && report.running() != null) {
			builder.withDetail("running", report.running());
		}
		if (report.error() != null) {
			builder.withDetail("error", report.error());
		}
		return builder.build();
	}

}
