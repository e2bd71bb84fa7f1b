package dev.migrations.core.internal.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Runs a piece of work once per target: the canaries first, one by one in the order
 * given, stopping before any other target when one fails; then the other targets in order
 * on at most {@code parallelism} threads. Once more than {@code maxFailures} targets
 * failed, no further target is started (those running finish) and the rest are reported
 * skipped. Each result is handed to the listener as it comes, one at a time.
 *
 * @param <R> the result of one target
 */
public final class FleetRunner<R> {

	private final int parallelism;

	private final int maxFailures;

	private final List<String> canaries;

	private final Function<String, R> work;

	private final Predicate<R> failed;

	private final Function<String, R> skipped;

	private final Finished<R> finished;

	/**
	 * @param parallelism the most targets run at once
	 * @param maxFailures how many failed targets are tolerated before no further one
	 * starts
	 * @param canaries the targets run first, one by one
	 * @param work runs one target; must not throw
	 * @param failed whether a result counts as a failure
	 * @param skipped the result of a target not started
	 * @param finished told of each result, one at a time
	 */
	public FleetRunner(int parallelism, int maxFailures, List<String> canaries, Function<String, R> work,
			Predicate<R> failed, Function<String, R> skipped, Finished<R> finished) {
		this.parallelism = parallelism;
		this.maxFailures = maxFailures;
		this.canaries = List.copyOf(canaries);
		this.work = work;
		this.failed = failed;
		this.skipped = skipped;
		this.finished = finished;
	}

	/**
	 * Runs every target of {@code ids} (distinct) and returns their results in the order
	 * of {@code ids}.
	 */
	public List<R> run(List<String> ids) {
		Results<R> results = new Results<>(ids, this.finished);
		Set<String> canaries = new LinkedHashSet<>(this.canaries);
		boolean canaryFailed = false;
		for (String canary : canaries) {
			R result = this.work.apply(canary);
			results.put(canary, result);
			if (this.failed.test(result)) {
				canaryFailed = true;
				break;
			}
		}
		List<String> rest = ids.stream().filter((id) -> !results.has(id)).toList();
		if (canaryFailed) {
			rest.forEach((id) -> results.put(id, this.skipped.apply(id)));
			return results.inOrder();
		}
		runInParallel(rest, results);
		return results.inOrder();
	}

	private void runInParallel(List<String> ids, Results<R> results) {
		if (ids.isEmpty()) {
			return;
		}
		AtomicBoolean stopped = new AtomicBoolean();
		AtomicInteger failures = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(this.parallelism, ids.size()),
				new FleetThreads());
		try {
			for (String id : ids) {
				executor.execute(() -> {
					if (stopped.get()) {
						results.put(id, this.skipped.apply(id));
						return;
					}
					R result = this.work.apply(id);
					if (this.failed.test(result) && failures.incrementAndGet() > this.maxFailures) {
						stopped.set(true);
					}
					results.put(id, result);
				});
			}
			executor.shutdown();
			while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
				// the targets are still running; each is bounded by its lock timeout
			}
		}
		catch (InterruptedException ex) {
			stopped.set(true);
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** Told of each result as it comes; never called by two threads at once. */
	@FunctionalInterface
	public interface Finished<R> {

		/**
		 * @param result the target's result
		 * @param done how many targets have a result now, this one included
		 * @param total how many targets there are
		 */
		void finished(R result, int done, int total);

	}

	private static final class Results<R> {

		private final List<String> ids;

		private final Map<String, R> byId = new HashMap<>();

		private final Finished<R> finished;

		Results(List<String> ids, Finished<R> finished) {
			this.ids = ids;
			this.finished = finished;
		}

		synchronized boolean has(String id) {
			return this.byId.containsKey(id);
		}

		synchronized void put(String id, R result) {
			this.byId.put(id, result);
			this.finished.finished(result, this.byId.size(), this.ids.size());
		}

		synchronized List<R> inOrder() {
			List<R> list = new ArrayList<>();
			for (String id : this.ids) {
				@Nullable R result = this.byId.get(id);
				if (result != null) {
					list.add(result);
				}
			}
			return Collections.unmodifiableList(list);
		}

	}

	private static final class FleetThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "migrations-fleet-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
