package dev.migrations.cli;

import java.util.ArrayList;
import java.util.List;

/** A table drawn with {@code +---+} borders, as Flyway's {@code info} draws it. */
final class TextTable {

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	TextTable(String... headers) {
		this.headers = List.of(headers);
	}

	TextTable row(String... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException("Expected " + this.headers.size() + " cells, got " + cells.length);
		}
		this.rows.add(List.of(cells));
		return this;
	}

	String render() {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder table = new StringBuilder();
		border(table, widths);
		line(table, this.headers, widths);
		border(table, widths);
		for (List<String> row : this.rows) {
			line(table, row, widths);
		}
		border(table, widths);
		return table.toString();
	}

	private static void border(StringBuilder table, int[] widths) {
		for (int width : widths) {
			table.append('+').append("-".repeat(width + 2));
		}
		table.append("+\n");
	}

	private static void line(StringBuilder table, List<String> cells, int[] widths) {
		for (int i = 0; i < widths.length; i++) {
			String cell = cells.get(i);
			table.append("| ").append(cell).append(" ".repeat(widths[i] - cell.length() + 1));
		}
		table.append("|\n");
	}

}
