package dev.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON value per line (targets files, reports): objects, arrays, strings,
 * numbers, booleans and null.
 */
final class JsonLines {

	private final String text;

	private int position;

	private JsonLines(String text) {
		this.text = text;
	}

	/**
	 * Parses {@code line} as one JSON object.
	 * @throws IllegalArgumentException naming the column and what was expected
	 */
	static Map<String, @Nullable Object> object(String line) {
		JsonLines parser = new JsonLines(line);
		parser.skipSpace();
		if (!parser.peek('{')) {
			throw parser.error("a JSON object starting with '{'");
		}
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) parser.value();
		parser.skipSpace();
		if (parser.position < parser.text.length()) {
			throw parser.error("the end of the line after the object");
		}
		return object;
	}

	private @Nullable Object value() {
		skipSpace();
		if (this.position >= this.text.length()) {
			throw error("a value");
		}
		char c = this.text.charAt(this.position);
		if (c == '{') {
			return objectValue();
		}
		if (c == '[') {
			return arrayValue();
		}
		if (c == '"') {
			return string();
		}
		if (this.text.startsWith("true", this.position)) {
			this.position += 4;
			return Boolean.TRUE;
		}
		if (this.text.startsWith("false", this.position)) {
			this.position += 5;
			return Boolean.FALSE;
		}
		if (this.text.startsWith("null", this.position)) {
			this.position += 4;
			return null;
		}
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		if (start == this.position) {
			throw error("a value");
		}
		String number = this.text.substring(start, this.position);
		try {
			if (number.contains(".") || number.contains("e") || number.contains("E")) {
				return Double.valueOf(number);
			}
			return Long.valueOf(number);
		}
		catch (NumberFormatException ex) {
			this.position = start;
			throw error("a number");
		}
	}

	private Map<String, @Nullable Object> objectValue() {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		this.position++;
		skipSpace();
		if (peek('}')) {
			this.position++;
			return object;
		}
		while (true) {
			skipSpace();
			if (!peek('"')) {
				throw error("a quoted member name");
			}
			String name = string();
			skipSpace();
			expect(':');
			object.put(name, value());
			skipSpace();
			if (peek(',')) {
				this.position++;
			}
			else {
				expect('}');
				return object;
			}
		}
	}

	private List<@Nullable Object> arrayValue() {
		List<@Nullable Object> array = new ArrayList<>();
		this.position++;
		skipSpace();
		if (peek(']')) {
			this.position++;
			return array;
		}
		while (true) {
			array.add(value());
			skipSpace();
			if (peek(',')) {
				this.position++;
			}
			else {
				expect(']');
				return array;
			}
		}
	}

	private String string() {
		StringBuilder value = new StringBuilder();
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (this.position >= this.text.length()) {
				break;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("four hex digits after \\u");
					}
					value.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> value.append(escaped);
			}
		}
		throw error("a closing '\"'");
	}

	private boolean peek(char c) {
		return this.position < this.text.length() && this.text.charAt(this.position) == c;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("'" + c + "'");
		}
		this.position++;
	}

	private void skipSpace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String expected) {
		return new IllegalArgumentException("expected " + expected + " at column " + (this.position + 1));
	}

}
