package dev.migrations.core.graph;

/** A revision id that breaks the grammar of {@link RevisionIds}. */
public class InvalidRevisionIdException extends RevisionGraphException {

	private final String id;

	private final String source;

	public InvalidRevisionIdException(String id, String source) {
		super(message(id, source));
		this.id = id;
		this.source = source;
	}

	private static String message(String id, String source) {
		String rule = RevisionIds.isReserved(id)
				? "'head', 'heads', 'base' and 'current' are reserved words and cannot be revision ids"
				: "a revision id is " + RevisionIds.ID_RULE;
		return "Invalid revision id '" + id + "' in " + source + ": " + rule + "; rename the revision";
	}

	/** The rejected id. */
	public String id() {
		return this.id;
	}

	/** Where the revision is defined. */
	public String source() {
		return this.source;
	}

}
