package dev.migrations.core.graph;

/**
 * Two revisions share one id.
 */
public class DuplicateRevisionException extends RevisionGraphException {

	private final String id;

	private final String firstSource;

	private final String secondSource;

	public DuplicateRevisionException(String id, String firstSource, String secondSource) {
		super("Revision " + id + " is defined twice, in " + firstSource + " and in " + secondSource
				+ "; give one of them a new revision id");
		this.id = id;
		this.firstSource = firstSource;
		this.secondSource = secondSource;
	}

	public String id() {
		return this.id;
	}

	/** Where the revision is defined first, in load order. */
	public String firstSource() {
		return this.firstSource;
	}

	/** Where it is defined again. */
	public String secondSource() {
		return this.secondSource;
	}

}
