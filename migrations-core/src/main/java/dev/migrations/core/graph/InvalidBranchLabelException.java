package dev.migrations.core.graph;

/**
 * A branch label that breaks the grammar: 1–64 letters, digits, {@code _}, {@code .} and
 * {@code -}, and none of the reserved words {@code head}, {@code heads}, {@code base},
 * {@code current}.
 */
public class InvalidBranchLabelException extends RevisionGraphException {

	private final String label;

	private final String revision;

	private final String source;

	public InvalidBranchLabelException(String label, String revision, String source) {
		super("Invalid branch label '" + label + "' on revision " + revision + " in " + source + ": "
				+ (RevisionIds.isReserved(label)
						? "'head', 'heads', 'base' and 'current' are reserved words and cannot be branch labels"
						: "a branch label is 1 to 64 letters, digits, '_', '.' or '-'")
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
