package dev.migrations.boot.fleet;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.boot.MigrationTargets;
import dev.migrations.core.Fleet;
import dev.migrations.core.Fleet.TargetResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's fleet: the {@link Fleet} (the revisions loaded once), its
 * {@link MigrationTargets}, and the latest results, which the health component, the
 * metric and the endpoint read (never all targets per probe).
 */
public class MigrationsFleet {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsFleet.class);

	private final Fleet fleet;

	private final MigrationTargets targets;

	private final AtomicReference<@Nullable Snapshot> latest = new AtomicReference<>();

	public MigrationsFleet(Fleet fleet, MigrationTargets targets) {
		this.fleet = fleet;
		this.targets = targets;
	}

	/** Upgrades every target to {@code revision}; the results become the latest. */
	public Snapshot upgrade(String revision) {
		return keep(this.fleet.upgrade(this.targets.targets(), revision));
	}

	/** Reads every target's state; the results become the latest. */
	public Snapshot refresh() {
		return keep(this.fleet.status(this.targets.targets()));
	}

	/** The latest results, if any were taken yet. */
	public Optional<Snapshot> latest() {
		return Optional.ofNullable(this.latest.get());
	}

	private Snapshot keep(List<TargetResult> results) {
		Snapshot snapshot = new Snapshot(results, Instant.now());
		this.latest.set(snapshot);
		Map<TargetResult.Status, Integer> counts = new EnumMap<>(TargetResult.Status.class);
		snapshot.counts().forEach((status, count) -> {
			if (count > 0) {
				counts.put(status, count);
			}
		});
		logger.info("Fleet of {} target(s): {}", results.size(), counts);
		return snapshot;
	}

	/**
	 * Results of all targets at one time.
	 *
	 * @param results one per target
	 * @param takenAt when they were complete
	 */
	public record Snapshot(List<TargetResult> results, Instant takenAt) {

		public Snapshot {
			results = List.copyOf(results);
		}

		/** How many targets have each status (every status, zero included). */
		public Map<TargetResult.Status, Integer> counts() {
			Map<TargetResult.Status, Integer> counts = new EnumMap<>(TargetResult.Status.class);
			for (TargetResult.Status status : TargetResult.Status.values()) {
				counts.put(status, 0);
			}
			this.results.forEach((result) -> counts.merge(result.status(), 1, Integer::sum));
			return counts;
		}

		/** Current heads and how many targets are at them, most targets first. */
		public Map<String, Integer> heads() {
			Map<String, Integer> counts = new LinkedHashMap<>();
			this.results.stream()
				.filter((result) -> result.failure() == null && result.status() != TargetResult.Status.SKIPPED)
				.forEach((result) -> counts.merge(
						result.headsAfter().isEmpty() ? "base" : String.join(",", result.headsAfter()), 1,
						Integer::sum));
			Map<String, Integer> sorted = new LinkedHashMap<>();
			counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			return sorted;
		}

		/** The targets failed or drifted (or unreachable), at most {@code limit}. */
		public List<TargetResult> problems(int limit) {
			return this.results.stream()
				.filter((result) -> !result.status().done() && result.status() != TargetResult.Status.PENDING
						&& result.status() != TargetResult.Status.SKIPPED)
				.limit(limit)
				.toList();
		}

		/** One target's result. */
		public Optional<TargetResult> target(String id) {
			return this.results.stream().filter((result) -> result.target().equals(id)).findFirst();
		}

	}

}
