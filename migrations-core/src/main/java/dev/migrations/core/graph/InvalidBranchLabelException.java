package dev.migrations.core.graph;

/** A branch label that breaks the grammar of {@link RevisionIds}. */
public class InvalidBranchLabelException extends RevisionGraphException {

	private final String label;

	private final String revision;

	private final String source;

	public InvalidBranchLabelException(String label, String revision, String source) {
		super("Invalid branch label '" + label + "' on revision " + revision + " in " + source + ": "
				+ (RevisionIds.isReserved(label)
						? "'head', 'heads', 'base' and 'current' are reserved words and cannot be branch labels"
						: "a branch label is " + RevisionIds.LABEL_RULE)
				+ "; rename the label");
		this.label = label;
		this.revision = revision;
		this.source = source;
	}

	public String label() {
		return this.label;
	}

	public String revision() {
		return this.revision;
	}

	public String source() {
		return this.source;
	}

}
