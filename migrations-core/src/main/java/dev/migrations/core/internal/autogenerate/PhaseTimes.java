package dev.migrations.core.internal.autogenerate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where one autogenerate run spent its time, phase by phase: each {@link #mark} charges
 * the time since the previous mark to a phase (a phase marked several times adds up). Two
 * {@link System#nanoTime()} calls a phase: nothing a run would notice.
 */
public final class PhaseTimes {

	/** Creating the two scratch databases. */
	public static final String CREATE = "create scratch databases";

	/** Running the model's create script in M. */
	public static final String MODEL = "load the model";

	/** Loading the revisions and upgrading them to the parents in H. */
	public static final String UPGRADE = "upgrade the revisions";

	/** Reading catalogs (H and M, then H twice in the round trip). */
	public static final String CATALOGS = "read catalogs";

	/** Comparing catalogs and writing the upgrade and downgrade. */
	public static final String PLAN = "compare and plan";

	/** Running the new upgrade and downgrade in H. */
	public static final String ROUND_TRIP = "round trip scripts";

	/** Dropping the two scratch databases. */
	public static final String DROP = "drop scratch databases";

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	private long last = System.nanoTime();

	/** Charges the time since the last mark to {@code phase}. */
	void mark(String phase) {
		long now = System.nanoTime();
		this.nanos.merge(phase, now - this.last, Long::sum);
		this.last = now;
	}

	/** The time of each phase, in the order first marked. */
	public Map<String, Duration> durations() {
		Map<String, Duration> durations = new LinkedHashMap<>();
		this.nanos.forEach((phase, time) -> durations.put(phase, Duration.ofNanos(time)));
		return durations;
	}

	/** {@code create scratch databases 180 ms, load the model 90 ms, ...}. */
	public String describe() {
		return this.nanos.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + (entry.getValue() / 1_000_000) + " ms")
			.collect(Collectors.joining(", "));
	}

}
