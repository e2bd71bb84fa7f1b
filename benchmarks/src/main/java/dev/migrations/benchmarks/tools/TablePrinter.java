package dev.migrations.benchmarks.tools;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.migrations.benchmarks.tools.Results.Row;
import org.jspecify.annotations.Nullable;

/** Prints rows as a Markdown table. */
final class TablePrinter {

	private final PrintStream out;

	TablePrinter(PrintStream out) {
		this.out = out;
	}

	void print(List<Row> rows) {
		this.out
			.println("| revisions | metric | tool | time, ms: median (min–max) | × floor, per run: median (min–max) "
					+ "| allocated, MB: median (min–max) |");
		this.out.println("|---:|---|---|---:|---:|---:|");
		for (Row row : rows) {
			this.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s |%n", row.size(), row.metric().label(),
					row.tool(), millis(row.millis()), ratio(row.ratio()), megabytes(row.allocatedBytes()));
		}
	}

	private static String millis(Statistics millis) {
		return String.format(Locale.ROOT, "%s (%s–%s)", number(millis.median()), number(millis.min()),
				number(millis.max()));
	}

	private static String ratio(@Nullable Statistics ratio) {
		if (ratio == null) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max());
	}

	private static String megabytes(@Nullable Statistics bytes) {
		if (bytes == null) {
			return "";
		}
		return String.format(Locale.ROOT, "%s (%s–%s)", number(bytes.median() / 1e6), number(bytes.min() / 1e6),
				number(bytes.max() / 1e6));
	}

	/** Three significant digits or so: 1.23, 12.3, 123, 1,234. */
	static String number(double value) {
		double magnitude = Math.abs(value);
		if (magnitude < 10) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		if (magnitude < 100) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%,.0f", value);
	}

}
