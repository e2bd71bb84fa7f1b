package dev.migrations.core.internal.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.core.RevisionFileException;
import org.jspecify.annotations.Nullable;

/**
 * The section markers of a SQL revision file: a line holding only {@code -- +upgrade} or
 * {@code -- +downgrade} (blanks around them allowed). Markers are recognised by line,
 * wherever they are, even inside a dollar-quoted body, so that sections can be found
 * without parsing SQL. A near miss ({@code -- +up}, {@code -- +Downgrade},
 * {@code -- +upgrad}, {@code -- +upgrade now}) is an error.
 */
enum SectionMarker {

	UPGRADE("-- +upgrade"), DOWNGRADE("-- +downgrade");

	private static final Pattern MARKER = Pattern.compile("\\s*--\\s*\\+([A-Za-z]+)(.*)");

	private final String text;

	SectionMarker(String text) {
		this.text = text;
	}

	/** The marker as it is written. */
	String text() {
		return this.text;
	}

	/**
	 * The marker {@code line} is, or {@code null} for any other line.
	 * @throws RevisionFileException for a misspelt marker
	 */
	static @Nullable SectionMarker of(String line, String file, int lineNumber) {
		if (line.equals(UPGRADE.text)) {
			return UPGRADE;
		}
		if (line.equals(DOWNGRADE.text)) {
			return DOWNGRADE;
		}
		if (!mayBeMarker(line)) {
			return null;
		}
		Matcher matcher = MARKER.matcher(line);
		if (!matcher.matches()) {
			return null;
		}
		String word = matcher.group(1);
		boolean alone = matcher.group(2).isBlank();
		if (alone && word.equals("upgrade")) {
			return UPGRADE;
		}
		if (alone && word.equals("downgrade")) {
			return DOWNGRADE;
		}
		String lower = word.toLowerCase(Locale.ROOT);
		SectionMarker meant = meant(lower);
		if (meant == null) {
			return null;
		}
		String problem = (lower.equals(meant.name().toLowerCase(Locale.ROOT)) && word.equals(lower))
				? "'" + meant.text + "' must stand alone on its line; move '" + matcher.group(2).strip()
						+ "' to a line of its own"
				: "unknown section marker '" + line.strip() + "'; did you mean '" + meant.text + "'?";
		throw new RevisionFileException(file, lineNumber, problem);
	}

	private static @Nullable SectionMarker meant(String word) {
		if (word.equals("up") || HeaderKey.distance(word, "upgrade") <= 2) {
			return UPGRADE;
		}
		if (word.equals("down") || HeaderKey.distance(word, "downgrade") <= 2) {
			return DOWNGRADE;
		}
		return null;
	}

	/**
	 * Whether {@code line} may be a marker or a near miss: after blanks, {@code --} and a
	 * {@code +} somewhere after it. Every other line is SQL (or header).
	 */
	static boolean mayBeMarker(String line) {
		int i = 0;
		int length = line.length();
		while (i < length && Character.isWhitespace(line.charAt(i))) {
			i++;
		}
		return i + 2 < length && line.charAt(i) == '-' && line.charAt(i + 1) == '-' && line.indexOf('+', i + 2) >= 0;
	}

	/** As {@link #mayBeMarker(String)}, for the ASCII line {@code bytes[start, end)}. */
	static boolean mayBeMarker(byte[] bytes, int start, int end) {
		int i = start;
		while (i < end && Character.isWhitespace(bytes[i])) {
			i++;
		}
		if (i + 2 >= end || bytes[i] != '-' || bytes[i + 1] != '-') {
			return false;
		}
		for (int j = i + 2; j < end; j++) {
			if (bytes[j] == '+') {
				return true;
			}
		}
		return false;
	}

}
