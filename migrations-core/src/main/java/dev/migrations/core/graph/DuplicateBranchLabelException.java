package dev.migrations.core.graph;

/**
 * A branch label declared by two revisions, or equal to a revision id.
 */
public class DuplicateBranchLabelException extends RevisionGraphException {

	private final String label;

	private final String revision;

	private final String usedBy;

	public DuplicateBranchLabelException(String label, String revision, String usedBy) {
		super("Branch name '" + label + "' in revision " + revision + " already used by revision " + usedBy
				+ "; choose another branch label");
		this.label = label;
		this.revision = revision;
		this.usedBy = usedBy;
	}

	public String label() {
		return this.label;
	}

	/** The revision declaring the label again. */
	public String revision() {
		return this.revision;
	}

	/** The revision that already declares the label or has it as its id. */
	public String usedBy() {
		return this.usedBy;
	}

}
