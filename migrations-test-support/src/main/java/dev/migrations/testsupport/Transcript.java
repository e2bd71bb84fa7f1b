package dev.migrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record of what a program printed, step by step, compared byte for byte with a
 * committed file. What changes from run to run (times, durations, temporary paths,
 * database names) is replaced by placeholders before the comparison. Run the tests with
 * {@code -Dtranscripts.update=true} to write the files anew, then review the diff.
 */
public final class Transcript {

	private static final Pattern INSTANT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

	private static final Pattern TIMESTAMP = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([+-]\\d{2}(:\\d{2})?)?");

	private static final Pattern MILLIS = Pattern.compile("\\b\\d+ ms\\b");

	private static final Pattern JSON_DURATION = Pattern
		.compile("(\"(?:executionTime|duration|durationMs|executionTimeMs)\"\\s*:\\s*)\\d+");

	private static final Pattern JSON_ROW_ID = Pattern.compile("(\"id\"\\s*:\\s*)\\d+(?=\\s*,\\s*\"operation\")");

	/** Padding of table cells, whose widths follow the lengths of the values replaced. */
	private static final Pattern CELL_PADDING = Pattern.compile(" {2,}\\|");

	private static final Pattern TABLE_RULE = Pattern.compile("-{3,}");

	private final Map<String, String> replacements = new LinkedHashMap<>();

	private final StringBuilder text = new StringBuilder();

	/** Replaces {@code value} by {@code placeholder} wherever it appears. */
	public Transcript replace(String value, String placeholder) {
		if (!value.isEmpty()) {
			this.replacements.put(value, placeholder);
		}
		return this;
	}

	/** Starts the entry of one step, e.g. the command line that ran. */
	public Transcript command(String command) {
		this.text.append("$ ").append(command).append('\n');
		return this;
	}

	/** Adds what a step printed under a name; nothing when it printed nothing. */
	public Transcript section(String name, String content) {
		if (content.isEmpty()) {
			return this;
		}
		this.text.append("[").append(name).append("]\n").append(normalize(content));
		if (!content.endsWith("\n")) {
			this.text.append("\\ no newline at end\n");
		}
		return this;
	}

	/** The transcript so far, normalized. */
	public String text() {
		return this.text.toString();
	}

	private String normalize(String content) {
		String normalized = content;
		for (Map.Entry<String, String> entry : this.replacements.entrySet()) {
			normalized = normalized.replace(entry.getKey(), entry.getValue());
		}
		normalized = INSTANT.matcher(normalized).replaceAll("<instant>");
		normalized = TIMESTAMP.matcher(normalized).replaceAll("<timestamp>");
		normalized = MILLIS.matcher(normalized).replaceAll("<n> ms");
		normalized = JSON_DURATION.matcher(normalized).replaceAll("$1<n>");
		normalized = JSON_ROW_ID.matcher(normalized).replaceAll("$1<n>");
		normalized = CELL_PADDING.matcher(normalized).replaceAll(" |");
		return TABLE_RULE.matcher(normalized).replaceAll("---");
	}

	/**
	 * Asserts that the transcript equals the committed file (written anew instead with
	 * {@code -Dtranscripts.update=true}).
	 */
	public void assertMatches(Path file) {
		try {
			if (Boolean.getBoolean("transcripts.update")) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				Files.writeString(file, text());
				return;
			}
			assertTrue(Files.exists(file), () -> file + " is missing: run the test with -Dtranscripts.update=true");
			assertEquals(Files.readString(file), text(), () -> "the transcript " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
