package dev.migrations.core.internal.source;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.core.RevisionFileException;
import dev.migrations.core.graph.RevisionIds;
import org.jspecify.annotations.Nullable;

/**
 * Parses the header of a SQL revision file: the lines before {@code -- +upgrade}, fed one
 * by one. Each may be blank or a {@code --} comment; a comment is either a
 * {@code key: value} line with a known key, or text. A key that looks like a misspelt
 * known key is an error rather than text. The message is the {@code message:} value, or
 * else the first paragraph of the text lines (consecutive non-empty text lines joined by
 * a space; an empty comment line, a blank line or a key line ends it).
 */
final class RevisionHeaderParser {

	private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9_ \\-]{0,39}?)\\s*:(.*)");

	private final String file;

	private final Map<HeaderKey, String> values = new EnumMap<>(HeaderKey.class);

	private final Map<HeaderKey, Integer> lines = new EnumMap<>(HeaderKey.class);

	private final StringBuilder paragraph = new StringBuilder();

	private boolean paragraphEnded;

	RevisionHeaderParser(String file) {
		this.file = file;
	}

	/** Reads one header line. */
	void line(String line, int lineNumber) {
		int start = 0;
		int end = line.length();
		while (start < end && Character.isWhitespace(line.charAt(start))) {
			start++;
		}
		if (start == end) {
			endParagraph();
			return;
		}
		if (!line.startsWith("--", start)) {
			throw error(lineNumber, "SQL before '-- +upgrade'; only '--' comment lines and blank lines may "
					+ "precede it: put a line '-- +upgrade' after the header, before the first statement");
		}
		start += 2;
		while (start < end && Character.isWhitespace(line.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
			end--;
		}
		String text = line.substring(start, end);
		if (text.indexOf(':') > 0 && keyLine(text, lineNumber)) {
			endParagraph();
			return;
		}
		if (text.isEmpty()) {
			endParagraph();
		}
		else if (!this.paragraphEnded) {
			if (!this.paragraph.isEmpty()) {
				this.paragraph.append(' ');
			}
			this.paragraph.append(text);
		}
	}

	/**
	 * Reads a {@code key: value} line with a known key.
	 * @return whether {@code text} is one; {@code false} for text
	 * @throws RevisionFileException for a misspelt key or a bad value
	 */
	/**
	 * Whether a comment line's text has the shape of a {@code key: value} line (a message
	 * of that shape must be written as {@code message: ...}).
	 */
	static boolean looksLikeKeyLine(String text) {
		return KEY_LINE.matcher(text).matches();
	}

	private boolean keyLine(String text, int lineNumber) {
		int colon = text.indexOf(':');
		HeaderKey exact = HeaderKey.of(text.substring(0, colon).strip());
		if (exact != null) {
			value(exact, text.substring(colon + 1).strip(), lineNumber);
			return true;
		}
		Matcher keyLine = KEY_LINE.matcher(text);
		if (!keyLine.matches()) {
			return false;
		}
		String name = keyLine.group(1);
		HeaderKey key = HeaderKey.of(name);
		if (key != null) {
			value(key, keyLine.group(2).strip(), lineNumber);
			return true;
		}
		HeaderKey misspelt = HeaderKey.misspelt(name);
		if (misspelt != null) {
			throw error(lineNumber, "unknown header key '" + name + "'; did you mean '" + misspelt.key() + "'?");
		}
		return false;
	}

	/**
	 * The header, once every header line was read.
	 * @param upgradeLine the line of {@code -- +upgrade}
	 */
	RevisionHeader finish(int upgradeLine) {
		String revision = this.values.get(HeaderKey.REVISION);
		if (revision == null) {
			throw error(1, "the header has no 'revision' key; add a line '-- revision: <id>' (" + RevisionIds.ID_RULE
					+ ") before '-- +upgrade' on line " + upgradeLine);
		}
		String transactional = this.values.getOrDefault(HeaderKey.TRANSACTIONAL, "true");
		String message = this.values.getOrDefault(HeaderKey.MESSAGE, this.paragraph.toString());
		return new RevisionHeader(revision, list(HeaderKey.DOWN_REVISION), list(HeaderKey.BRANCH_LABELS),
				list(HeaderKey.DEPENDS_ON), this.values.get(HeaderKey.CREATE_DATE), message,
				Boolean.parseBoolean(transactional), list(HeaderKey.LINT_IGNORE),
				this.lines.getOrDefault(HeaderKey.LINT_IGNORE, 0));
	}

	private void value(HeaderKey key, String value, int lineNumber) {
		Integer previous = this.lines.get(key);
		if (previous != null) {
			throw error(lineNumber,
					"duplicate header key '" + key.key() + "' (first on line " + previous + "); keep only one");
		}
		String problem = check(key, value);
		if (problem != null) {
			throw error(lineNumber, problem);
		}
		this.values.put(key, value);
		this.lines.put(key, lineNumber);
	}

	private static String check(HeaderKey key, String value) {
		if (value.isEmpty() && !key.isList()) {
			return "empty value for '" + key.key() + "'; " + switch (key) {
				case REVISION -> "give the revision id (" + RevisionIds.ID_RULE + ")";
				case TRANSACTIONAL -> "write 'true' or 'false', or remove the line (the default is true)";
				default -> "write a value or remove the line";
			};
		}
		return switch (key) {
			case REVISION -> HeaderValues.checkId(value, key.key());
			case DOWN_REVISION -> isNone(value) ? null
					: HeaderValues.checkAll(HeaderValues.splitList(value), key.key(), HeaderValues.Kind.ID);
			case BRANCH_LABELS ->
				HeaderValues.checkAll(HeaderValues.splitList(value), key.key(), HeaderValues.Kind.LABEL);
			case DEPENDS_ON ->
				HeaderValues.checkAll(HeaderValues.splitList(value), key.key(), HeaderValues.Kind.REFERENCE);
			case LINT_IGNORE -> lintIgnoreProblem(value);
			case TRANSACTIONAL -> (value.equals("true") || value.equals("false")) ? null
					: "invalid value '" + value + "' for 'transactional': write 'true' or 'false'";
			default -> null;
		};
	}

	private static @Nullable String lintIgnoreProblem(String value) {
		for (String rule : HeaderValues.splitList(value)) {
			if (!rule.matches("[a-z][a-z0-9-]*")) {
				return "invalid rule id '" + rule + "' in 'lint_ignore': write rule ids bare and comma-separated, "
						+ "e.g. 'lint_ignore: set-not-null-scan, drop-breaks-old-code'";
			}
		}
		return null;
	}

	private List<String> list(HeaderKey key) {
		String value = this.values.getOrDefault(key, "");
		return (key == HeaderKey.DOWN_REVISION && isNone(value)) ? List.of() : HeaderValues.splitList(value);
	}

	private static boolean isNone(String value) {
		return value.isEmpty() || value.equals("None");
	}

	private void endParagraph() {
		if (!this.paragraph.isEmpty()) {
			this.paragraphEnded = true;
		}
	}

	private RevisionFileException error(int line, String problem) {
		return new RevisionFileException(this.file, line, problem);
	}

}
