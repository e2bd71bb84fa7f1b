package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of the {@link Migrator} beans, tagged with the bean's {@code name}:
 * {@code migrations.pending} (revisions of the code not applied) and
 * {@code migrations.applied} (revisions recorded as applied). The state is read at most
 * every {@link #REFRESH}; a value that cannot be read is {@code NaN}. The gauges hold
 * their state strongly, so they keep reading after garbage collections.
 */
public class MigrationsMeterBinder implements MeterBinder {

	/** How long a read state is reused for the gauges. */
	public static final Duration REFRESH = Duration.ofSeconds(10);

	private final Map<String, Migrator> migrators;

	/**
	 * @param migrators the migrators by bean name
	 */
	public MigrationsMeterBinder(Map<String, Migrator> migrators) {
		this.migrators = Map.copyOf(migrators);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.migrators.forEach((name, migrator) -> {
			CachedStatus status = new CachedStatus(migrator);
			gauge(registry, "migrations.pending", "Revisions of the code not applied to the database", name, status,
					(value) -> value.pending().size());
			gauge(registry, "migrations.applied", "Revisions recorded as applied in the database", name, status,
					(value) -> value.revisions()
						.stream()
						.filter((revision) -> revision.state() == RevisionState.APPLIED
								|| revision.state() == RevisionState.UNKNOWN)
						.count());
		});
	}

	private static void gauge(MeterRegistry registry, String name, String description, String migrator,
			CachedStatus status, ToDoubleFunction<MigrationStatus> value) {
		// A gauge holds its state object weakly unless told otherwise, and nothing else
		// holds the cached status: without a strong reference it would be collected, and
		// the gauge would read NaN from the first collection on.
		Gauge.builder(name, status, (cached) -> {
			MigrationStatus current = cached.get();
			return (current != null) ? value.applyAsDouble(current) : Double.NaN;
		})
			.description(description)
			.tag("name", migrator)
			.baseUnit("revisions")
			.strongReference(true)
			.register(registry);
	}

	/** The status of one migrator, read again when older than {@link #REFRESH}. */
	private static final class CachedStatus {

		private final Migrator migrator;

		private @Nullable MigrationStatus status;

		private long readAt;

		CachedStatus(Migrator migrator) {
			this.migrator = migrator;
		}

		synchronized @Nullable MigrationStatus get() {
			long now = System.nanoTime();
			if (this.status == null || now - this.readAt > REFRESH.toNanos()) {
				try {
					this.status = this.migrator.status();
				}
				catch (RuntimeException ex) {
					this.status = null;
				}
				this.readAt = now;
			}
			return this.status;
		}

	}

}
