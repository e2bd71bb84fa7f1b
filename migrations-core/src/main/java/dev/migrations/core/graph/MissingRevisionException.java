package dev.migrations.core.graph;

/**
 * A {@code down_revision} or {@code depends_on} that names no revision (nor, for
 * {@code depends_on}, a branch label).
 */
public class MissingRevisionException extends RevisionGraphException {

	private final String revision;

	private final String source;

	private final String missing;

	private final String key;

	public MissingRevisionException(String revision, String source, String missing, String key) {
		super("Revision " + missing + " referenced as " + key + " of revision " + revision + " in " + source
				+ " is not present; add the missing revision or correct the " + key);
		this.revision = revision;
		this.source = source;
		this.missing = missing;
		this.key = key;
	}

	/** The revision holding the reference. */
	public String revision() {
		return this.revision;
	}

	/** Where that revision is defined. */
	public String source() {
		return this.source;
	}

	/** The id or label that names nothing. */
	public String missing() {
		return this.missing;
	}

	/** {@code down_revision} or {@code depends_on}. */
	public String key() {
		return this.key;
	}

}
