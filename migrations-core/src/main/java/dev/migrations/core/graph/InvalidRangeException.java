package dev.migrations.core.graph;

/**
 * A history range {@code [start]:[end]} that is malformed or whose start is not an
 * ancestor of its end.
 */
public class InvalidRangeException extends RevisionGraphException {

	private final String range;

	InvalidRangeException(String range, String detail) {
		super("Invalid revision range '" + range + "': " + detail);
		this.range = range;
	}

	/** The range as given. */
	public String range() {
		return this.range;
	}

}
