package dev.migrations.boot.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migrations.boot.fleet.MigrationsFleet;
import dev.migrations.core.Fleet.TargetResult;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of a service's fleet, from its latest results (refreshed on an interval, never
 * read per probe): {@code UNKNOWN} before the first results, {@code DOWN} when a target
 * failed or drifted, else {@code UP}. Details: counts per status, the heads histogram, at
 * most ten problem targets, when the results were taken. Not in the readiness group by
 * default: one broken tenant must not take every instance out of service.
 */
public class MigrationsFleetHealthIndicator implements HealthIndicator {

	/** At most this many problem targets are shown. */
	public static final int PROBLEMS_SHOWN = 10;

	private final MigrationsFleet fleet;

	public MigrationsFleetHealthIndicator(MigrationsFleet fleet) {
		this.fleet = fleet;
	}

	@Override
	public Health health() {
		Optional<MigrationsFleet.Snapshot> latest = this.fleet.latest();
		if (latest.isEmpty()) {
			return Health.unknown().withDetail("state", "NOT_CHECKED_YET").build();
		}
		MigrationsFleet.Snapshot snapshot = latest.get();
		Map<TargetResult.Status, Integer> counts = snapshot.counts();
		boolean down = counts.get(TargetResult.Status.FAILED) > 0 || counts.get(TargetResult.Status.DRIFTED) > 0;
		Health.Builder builder = down ? Health.down() : Health.up();
		Map<String, Integer> states = new LinkedHashMap<>();
		counts.forEach((status, count) -> {
			if (count > 0) {
				states.put(status.name(), count);
			}
		});
		List<Map<String, Object>> problems = snapshot.problems(PROBLEMS_SHOWN).stream().map((result) -> {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("target", result.target());
			problem.put("status", result.status().name());
			if (result.failure() != null) {
				problem.put("error", result.failure().message());
			}
			return problem;
		}).toList();
		return builder.withDetail("targets", snapshot.results().size())
			.withDetail("states", states)
			.withDetail("heads", snapshot.heads())
			.withDetail("problems", problems)
			.withDetail("checkedAt", snapshot.takenAt().toString())
			.build();
	}

}
