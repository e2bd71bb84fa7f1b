package dev.migrations.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the machine output of {@code --json}: maps (objects, in their iteration order),
 * collections, strings, numbers, booleans, instants (ISO-8601) and null, indented by two
 * spaces.
 */
final class Json {

	private Json() {
	}

	static void print(Object value, PrintWriter out) {
		StringBuilder json = new StringBuilder();
		append(json, value, 0);
		out.println(json);
		out.flush();
	}

	/** {@code value} on one line, without spaces: a line of a JSON Lines file. */
	static String line(Object value) {
		StringBuilder json = new StringBuilder();
		compact(json, value);
		return json.toString();
	}

	private static void compact(StringBuilder json, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(separator);
				string(json, String.valueOf(entry.getKey()));
				json.append(':');
				compact(json, entry.getValue());
				separator = ",";
			}
			json.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			json.append('[');
			String separator = "";
			for (Object item : collection) {
				json.append(separator);
				compact(json, item);
				separator = ",";
			}
			json.append(']');
		}
		else {
			append(json, value, 0);
		}
	}

	private static void append(StringBuilder json, @Nullable Object value, int depth) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			object(json, map, depth);
		}
		else if (value instanceof Collection<?> collection) {
			array(json, collection, depth);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			string(json, (value instanceof Instant instant) ? instant.toString() : value.toString());
		}
	}

	private static void object(StringBuilder json, Map<?, ?> map, int depth) {
		if (map.isEmpty()) {
			json.append("{}");
			return;
		}
		json.append('{');
		String separator = "\n";
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			json.append(separator);
			indent(json, depth + 1);
			string(json, String.valueOf(entry.getKey()));
			json.append(": ");
			append(json, entry.getValue(), depth + 1);
			separator = ",\n";
		}
		json.append('\n');
		indent(json, depth);
		json.append('}');
	}

	private static void array(StringBuilder json, Collection<?> collection, int depth) {
		if (collection.isEmpty()) {
			json.append("[]");
			return;
		}
		boolean simple = collection.stream().noneMatch((item) -> item instanceof Map || item instanceof Collection);
		if (simple) {
			json.append('[');
			String separator = "";
			for (Object item : collection) {
				json.append(separator);
				append(json, item, depth);
				separator = ", ";
			}
			json.append(']');
			return;
		}
		json.append('[');
		String separator = "\n";
		for (Object item : collection) {
			json.append(separator);
			indent(json, depth + 1);
			append(json, item, depth + 1);
			separator = ",\n";
		}
		json.append('\n');
		indent(json, depth);
		json.append(']');
	}

	private static void indent(StringBuilder json, int depth) {
		json.append("  ".repeat(depth));
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
