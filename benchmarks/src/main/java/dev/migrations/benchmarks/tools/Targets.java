package dev.migrations.benchmarks.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migrations.benchmarks.tools.Results.Row;

/** The targets Migrations is held to, checked against the medians. */
final class Targets {

	static final double APPLY_ALL_MAX_RATIO = 1.10;

	/** Every boot nearly free: the warm no-op, the cold no-op and apply one. */
	static final double NO_OP_MAX_RATIO = 1.5;

	static final double NO_OP_FRESH_JVM_MAX_RATIO = 1.5;

	static final double APPLY_ONE_MAX_RATIO = 1.5;

	static final double NO_OP_MAX_MEGABYTES = 8.0;

	static final int NO_OP_ALLOCATION_SIZE = 1000;

	private final Results results;

	private final String tool;

	private final String floor;

	private final List<String> peers;

	Targets(Results results, String tool, String floor, List<String> peers) {
		this.results = results;
		this.tool = tool;
		this.floor = floor;
		this.peers = List.copyOf(peers);
	}

	/**
	 * One line per target and size: what was reached, and whether it meets the target.
	 */
	List<String> check(List<Integer> sizes) {
		List<String> lines = new ArrayList<>();
		for (int size : sizes) {
			ratio(size, Metric.APPLY_ALL, APPLY_ALL_MAX_RATIO).ifPresent(lines::add);
			ratio(size, Metric.NO_OP, NO_OP_MAX_RATIO).ifPresent(lines::add);
			Optional<Row> noOp = row(size, Metric.NO_OP, this.tool);
			for (String peer : this.peers) {
				Optional<Row> other = row(size, Metric.NO_OP, peer);
				if (noOp.isPresent() && other.isPresent()) {
					double ours = noOp.get().millis().median();
					double theirs = other.get().millis().median();
					lines.add(line(ours < theirs,
							String.format(Locale.ROOT, "N = %,d, no-op faster than %s: %s ms vs %s ms (%.2f×)", size,
									peer, TablePrinter.number(ours), TablePrinter.number(theirs), ours / theirs)));
				}
			}
			ratio(size, Metric.APPLY_ONE, APPLY_ONE_MAX_RATIO).ifPresent(lines::add);
			ratio(size, Metric.NO_OP_FRESH_JVM, NO_OP_FRESH_JVM_MAX_RATIO).ifPresent(lines::add);
			if (size == NO_OP_ALLOCATION_SIZE && noOp.isPresent() && noOp.get().allocatedBytes() != null) {
				double megabytes = noOp.get().allocatedBytes().median() / 1e6;
				lines.add(line(megabytes <= NO_OP_MAX_MEGABYTES,
						String.format(Locale.ROOT, "N = %,d, no-op allocation ≤ %.0f MB: %s MB", size,
								NO_OP_MAX_MEGABYTES, TablePrinter.number(megabytes))));
			}
		}
		return lines;
	}

	private Optional<String> ratio(int size, Metric metric, double max) {
		return row(size, metric, this.tool).filter((row) -> row.ratio() != null).map((row) -> {
			double median = row.ratio().median();
			return line(median <= max,
					String.format(Locale.ROOT, "N = %,d, %s ≤ %.2f× floor: %.2f×", size, metric.label(), max, median));
		});
	}

	private Optional<Row> row(int size, Metric metric, String name) {
		return this.results.row(size, metric, name, this.floor);
	}

	private static String line(boolean met, String text) {
		return "- " + (met ? "met" : "**missed**") + ": " + text;
	}

}
