package dev.migrations.boot.metrics;

import dev.migrations.boot.fleet.MigrationsFleet;
import dev.migrations.core.Fleet.TargetResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code migrations.fleet.targets}: how many targets of the fleet have each status, one
 * gauge per status tagged {@code state} (tags by state only, never by target: a fleet may
 * have thousands), from the latest results; {@code NaN} before the first.
 */
public class MigrationsFleetMeterBinder implements MeterBinder {

	private final MigrationsFleet fleet;

	public MigrationsFleetMeterBinder(MigrationsFleet fleet) {
		this.fleet = fleet;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TargetResult.Status status : TargetResult.Status.values()) {
			Gauge
				.builder("migrations.fleet.targets", this.fleet,
						(fleet) -> fleet.latest()
							.map((snapshot) -> (double) snapshot.counts().get(status))
							.orElse(Double.NaN))
				.description("Targets of the fleet by state")
				.tag("state", status.name())
				.strongReference(true)
				.register(registry);
		}
	}

}
