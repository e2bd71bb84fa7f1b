package dev.migrations.core.graph;

/** A revision id or a branch label that breaks the grammar of {@link RevisionIds}. */
public class InvalidNameException extends RevisionGraphException {

	private final NameKind kind;

	private final String name;

	private final String revision;

	private final String source;

	private InvalidNameException(NameKind kind, String name, String revision, String source, String description) {
		super(description, (kind == NameKind.REVISION_ID) ? "Rename the revision." : "Rename the label.");
		this.kind = kind;
		this.name = name;
		this.revision = revision;
		this.source = source;
	}

	/** A revision id that breaks the grammar. */
	public static InvalidNameException revisionId(String id, String source) {
		return new InvalidNameException(NameKind.REVISION_ID, id, id, source, "Invalid revision id '" + id + "' in "
				+ source + ": " + rule(id, "cannot be revision ids", "a revision id is " + RevisionIds.ID_RULE));
	}

	/** A branch label that breaks the grammar. */
	public static InvalidNameException branchLabel(String label, String revision, String source) {
		return new InvalidNameException(NameKind.BRANCH_LABEL, label, revision, source,
				"Invalid branch label '" + label + "' on revision " + revision + " in " + source + ": "
						+ rule(label, "cannot be branch labels", "a branch label is " + RevisionIds.LABEL_RULE));
	}

	private static String rule(String name, String reservedEnd, String grammar) {
		return RevisionIds.isReserved(name)
				? "'head', 'heads', 'base' and 'current' are reserved words and " + reservedEnd : grammar;
	}

	/** Whether the name is a revision id or a branch label. */
	public NameKind kind() {
		return this.kind;
	}

	/** The rejected id or label. */
	public String name() {
		return this.name;
	}

	/** The revision that declares it (for an id, the id itself). */
	public String revision() {
		return this.revision;
	}

	/** Where the revision is defined. */
	public String source() {
		return this.source;
	}

	/** What kind of name a graph error is about. */
	public enum NameKind {

		REVISION_ID, BRANCH_LABEL

	}

}
