package dev.migrations.core;

import java.util.List;

/**
 * The database records revisions the code does not know, and the run cannot go on with
 * them: the policy is {@link UnknownRevisionPolicy#FAIL}, or a downgrade would remove a
 * parent of one of them.
 */
public class UnknownRevisionsException extends MigrationsException {

	private final List<String> revisions;

	private UnknownRevisionsException(String description, String action, List<String> revisions) {
		super(description, action, null);
		this.revisions = List.copyOf(revisions);
	}

	/** The policy forbids unknown revisions. */
	public static UnknownRevisionsException forbidden(List<String> revisions) {
		return new UnknownRevisionsException(
				"The database records revision(s) the code does not know: " + String.join(", ", revisions)
						+ " (it is ahead of the code, migrated by a newer release?)",
				"Deploy the code that has them, or set on-unknown-revision to WARN.", revisions);
	}

	/** A downgrade would remove revisions that unknown revisions build on. */
	public static UnknownRevisionsException blockingDowngrade(List<String> revisions, List<String> parents) {
		return new UnknownRevisionsException(
				"Cannot downgrade " + String.join(", ", parents)
						+ ": revision(s) the code does not know build on them: " + String.join(", ", revisions),
				"Downgrade with the code that has them.", revisions);
	}

	/** The unknown revisions' ids. */
	public List<String> revisions() {
		return this.revisions;
	}

}
