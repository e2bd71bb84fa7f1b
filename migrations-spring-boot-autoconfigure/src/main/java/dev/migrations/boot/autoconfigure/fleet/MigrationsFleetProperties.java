package dev.migrations.boot.autoconfigure.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.Fleet;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of a service's fleet of tenant schemas or databases
 * ({@code migrations.fleet.*}).
 */
@ConfigurationProperties("migrations.fleet")
public class MigrationsFleetProperties {

	/**
	 * Tenant schemas on the application's DataSource, each a target (its id is the
	 * schema's name).
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Query on the application's DataSource giving the tenant schemas, one per row in its
	 * first column; run again at each refresh.
	 */
	private @Nullable String schemasQuery;

	/**
	 * Locations of the tenants' revisions, 'classpath:path' or 'filesystem:path'.
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/tenant-revisions"));

	/**
	 * What to do with the fleet on startup: 'validate' reads every target's state (for
	 * the health component and the metric), 'upgrade' runs pending revisions on every
	 * target, 'none' does nothing until the first refresh.
	 */
	private OnStartup onStartup = OnStartup.VALIDATE;

	/**
	 * Targets run at once.
	 */
	private int parallelism = Fleet.DEFAULT_PARALLELISM;

	/**
	 * Targets run first, one by one, on an upgrade; a canary failure stops it before any
	 * other target is touched.
	 */
	private List<String> canary = new ArrayList<>();

	/**
	 * Failed targets tolerated before an upgrade starts no further target.
	 */
	private int maxFailures = Fleet.DEFAULT_MAX_FAILURES;

	/**
	 * What to do with a target whose lock another instance holds: 'skip' leaves it to
	 * that instance (instances share the work), 'wait' waits up to
	 * migrations.lock-timeout.
	 */
	private Locked locked = Locked.SKIP;

	/**
	 * How often the state of every target is read again for the health component, the
	 * metric and the endpoint.
	 */
	private Duration refreshInterval = Duration.ofMinutes(5);

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public @Nullable String getSchemasQuery() {
		return this.schemasQuery;
	}

	public void setSchemasQuery(@Nullable String schemasQuery) {
		this.schemasQuery = schemasQuery;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public List<String> getCanary() {
		return this.canary;
	}

	public void setCanary(List<String> canary) {
		this.canary = canary;
	}

	public int getMaxFailures() {
		return this.maxFailures;
	}

	public void setMaxFailures(int maxFailures) {
		this.maxFailures = maxFailures;
	}

	public Locked getLocked() {
		return this.locked;
	}

	public void setLocked(Locked locked) {
		this.locked = locked;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	/** What to do with the fleet on startup. */
	public enum OnStartup {

		/** Read every target's state. */
		VALIDATE,

		/** Run pending revisions on every target. */
		UPGRADE,

		/** Nothing until the first refresh. */
		NONE

	}

	/** What to do with a target another instance is running. */
	public enum Locked {

		/** Leave it to that instance. */
		SKIP,

		/** Wait for its lock, up to the lock timeout. */
		WAIT

	}

}
