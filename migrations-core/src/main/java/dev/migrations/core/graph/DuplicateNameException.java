package dev.migrations.core.graph;

import dev.migrations.core.graph.InvalidNameException.NameKind;

/**
 * A revision id defined twice, or a branch label declared twice or equal to a revision
 * id.
 */
public class DuplicateNameException extends RevisionGraphException {

	private final NameKind kind;

	private final String name;

	private final String first;

	private final String second;

	private DuplicateNameException(NameKind kind, String name, String first, String second, String description,
			String action) {
		super(description, action);
		this.kind = kind;
		this.name = name;
		this.first = first;
		this.second = second;
	}

	/** Two revisions share one id. */
	public static DuplicateNameException revisionId(String id, String firstSource, String secondSource) {
		return new DuplicateNameException(NameKind.REVISION_ID, id, firstSource, secondSource,
				"Revision " + id + " is defined twice, in " + firstSource + " and in " + secondSource,
				"Give one of them a new revision id.");
	}

	/** A branch label already declared by, or equal to the id of, another revision. */
	public static DuplicateNameException branchLabel(String label, String revision, String usedBy) {
		return new DuplicateNameException(NameKind.BRANCH_LABEL, label, usedBy, revision,
				"Branch name '" + label + "' in revision " + revision + " already used by revision " + usedBy,
				"Choose another branch label.");
	}

	/** Whether the name is a revision id or a branch label. */
	public NameKind kind() {
		return this.kind;
	}

	/** The id or label used twice. */
	public String name() {
		return this.name;
	}

	/**
	 * Where the name is defined first: the file of the first revision with the id, or the
	 * revision that already uses the label.
	 */
	public String first() {
		return this.first;
	}

	/**
	 * Where it is defined again: the second file, or the revision declaring the label
	 * again.
	 */
	public String second() {
		return this.second;
	}

}
