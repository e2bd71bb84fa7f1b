package dev.migrations.core.internal.autogenerate;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where one autogenerate run spent its time, phase by phase, on whichever thread: each
 * thread takes a {@link Clock}, and each {@link Clock#mark} charges the time since that
 * clock's previous mark to a phase (a phase marked several times, or on several threads,
 * adds up). Two {@link System#nanoTime()} calls a phase: nothing a run would notice.
 * Thread-safe.
 */
public final class PhaseTimes {

	/** Creating the two scratch databases (before the model, beside each other). */
	public static final String CREATE = "create scratch databases";

	/**
	 * Loading the revisions and upgrading them to the parents in H (before the model).
	 */
	public static final String UPGRADE = "upgrade the revisions";

	/** Reading H's catalog once upgraded (before the model). */
	public static final String HEADS_CATALOG = "read H's catalog";

	/** Waiting for the work started before the model (the three phases above). */
	public static final String WAIT = "wait for the scratch work";

	/** Running the model's create script in M. */
	public static final String MODEL = "load the model";

	/**
	 * Reading catalogs once the model is there (M's, then H's twice in the round trip).
	 */
	public static final String CATALOGS = "read catalogs";

	/** Comparing catalogs and writing the upgrade and downgrade. */
	public static final String PLAN = "compare and plan";

	/** Running the new upgrade and downgrade in H. */
	public static final String ROUND_TRIP = "round trip scripts";

	/** Dropping the two scratch databases (M once read, H after the round trip). */
	public static final String DROP = "drop scratch databases";

	private static final List<String> ORDER = List.of(CREATE, UPGRADE, HEADS_CATALOG, WAIT, MODEL, CATALOGS, PLAN,
			ROUND_TRIP, DROP);

	private final Map<String, Long> nanos = new HashMap<>();

	/** A clock for the calling thread, started now. */
	Clock clock() {
		return new Clock();
	}

	private synchronized void add(String phase, long time) {
		this.nanos.merge(phase, time, Long::sum);
	}

	/** The time of each phase that was marked, in the order of the run. */
	public synchronized Map<String, Duration> durations() {
		Map<String, Duration> durations = new LinkedHashMap<>();
		for (String phase : ORDER) {
			Long time = this.nanos.get(phase);
			if (time != null) {
				durations.put(phase, Duration.ofNanos(time));
			}
		}
		return durations;
	}

	/** {@code create scratch databases 180 ms, load the model 90 ms, ...}. */
	public String describe() {
		return durations().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue().toMillis() + " ms")
			.collect(Collectors.joining(", "));
	}

	/** The marks of one thread. */
	final class Clock {

		private long last = System.nanoTime();

		/**
		 * Charges the time since the last mark (or since the clock started) to
		 * {@code phase}.
		 */
		void mark(String phase) {
			long now = System.nanoTime();
			add(phase, now - this.last);
			this.last = now;
		}

	}

}
