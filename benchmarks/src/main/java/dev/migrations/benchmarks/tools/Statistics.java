package dev.migrations.benchmarks.tools;

import java.util.Collection;

/**
 * Median, minimum and maximum of some values.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
record Statistics(double median, double min, double max, int count) {

	static Statistics of(Collection<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values to summarize");
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Statistics(median, sorted[0], sorted[sorted.length - 1], sorted.length);
	}

}
