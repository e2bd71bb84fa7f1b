package dev.migrations.sample.todo;

import java.util.Locale;

/**
 * A task's priority: stored as text ({@code priority}, revision 001) and as a number
 * ({@code priority_id}, revision 7c1e5a2b9d30, which backfilled it from the text).
 */
public enum Priority {

	LOW(1), MEDIUM(2), HIGH(3);

	private final int id;

	Priority(int id) {
		this.id = id;
	}

	public int id() {
		return this.id;
	}

	public String text() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Priority fromText(String text) {
		return valueOf(text.toUpperCase(Locale.ROOT));
	}

}
