package dev.migrations.benchmarks.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The measured samples, one per run for each size, metric and tool; every tool is
 * measured in every run, so a tool's ratio to the floor is taken run by run.
 */
final class Results {

	private final Map<Key, Map<Integer, Sample>> samples = new LinkedHashMap<>();

	/** Records the sample of a measured run. */
	void add(int size, Metric metric, String tool, int run, Sample sample) {
		Map<Integer, Sample> byRun = this.samples.computeIfAbsent(new Key(size, metric, tool),
				(key) -> new LinkedHashMap<>());
		if (byRun.putIfAbsent(run, sample) != null) {
			throw new IllegalStateException("Run " + run + " of " + tool + " recorded twice for " + metric);
		}
	}

	/** The summary of one tool for one size and metric, if it was measured. */
	Optional<Row> row(int size, Metric metric, String tool, String floor) {
		Map<Integer, Sample> byRun = this.samples.get(new Key(size, metric, tool));
		if (byRun == null) {
			return Optional.empty();
		}
		Map<Integer, Sample> floorByRun = this.samples.getOrDefault(new Key(size, metric, floor), Map.of());
		List<Double> millis = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		List<Double> allocated = new ArrayList<>();
		byRun.forEach((run, sample) -> {
			millis.add(sample.millis());
			if (sample.allocatedBytes() >= 0) {
				allocated.add((double) sample.allocatedBytes());
			}
			Sample floorSample = floorByRun.get(run);
			if (floorSample != null) {
				ratios.add((double) sample.nanos() / floorSample.nanos());
			}
		});
		return Optional
			.of(new Row(size, metric, tool, Statistics.of(millis), ratios.isEmpty() ? null : Statistics.of(ratios),
					allocated.isEmpty() ? null : Statistics.of(allocated)));
	}

	private record Key(int size, Metric metric, String tool) {

	}

	/**
	 * One line of the table.
	 *
	 * @param size the number of revisions
	 * @param metric what was measured
	 * @param tool the tool's name
	 * @param millis the wall times
	 * @param ratio the times divided by the floor's of the same run
	 * @param allocatedBytes the bytes allocated, when measured
	 */
	record Row(int size, Metric metric, String tool, Statistics millis, @Nullable Statistics ratio,
			@Nullable Statistics allocatedBytes) {

	}

}
