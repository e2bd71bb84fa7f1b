package dev.migrations.core.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An identifier that names no revision: unknown, an ambiguous prefix, a revision not on
 * the branch it was qualified with, an unknown branch, or not an identifier at all.
 */
public class RevisionNotFoundException extends RevisionGraphException {

	private final String argument;

	private final Reason reason;

	private final List<String> candidates;

	private final @Nullable String branch;

	RevisionNotFoundException(String argument, Reason reason, List<String> candidates, @Nullable String branch,
			String detail) {
		super("Can't locate revision identified by '" + argument + "': " + detail);
		this.argument = argument;
		this.reason = reason;
		this.candidates = List.copyOf(candidates);
		this.branch = branch;
	}

	static RevisionNotFoundException unknown(String argument, String name) {
		String hint = (name.length() < RevisionIds.MIN_PREFIX)
				? "; a partial revision id needs at least " + RevisionIds.MIN_PREFIX + " characters" : "";
		return new RevisionNotFoundException(argument, Reason.UNKNOWN, List.of(), null,
				"no revision or branch label is named '" + name + "'" + hint
						+ "; run 'migrations history' to list the revisions");
	}

	static RevisionNotFoundException ambiguous(String argument, List<String> candidates) {
		return new RevisionNotFoundException(argument, Reason.AMBIGUOUS_PREFIX, candidates, null,
				"the prefix matches several revisions (" + String.join(", ", candidates)
						+ "); give more characters of the revision id");
	}

	static RevisionNotFoundException notOnBranch(String argument, String revision, String branch) {
		return new RevisionNotFoundException(argument, Reason.NOT_ON_BRANCH, List.of(revision), branch,
				"revision " + revision + " is not a member of branch '" + branch
						+ "'; name a revision of that branch or drop the branch");
	}

	static RevisionNotFoundException unknownBranch(String argument, String branch) {
		return new RevisionNotFoundException(argument, Reason.UNKNOWN_BRANCH, List.of(), branch,
				"no such branch: '" + branch + "'; run 'migrations branches' to list the branch labels");
	}

	static RevisionNotFoundException malformed(String argument, String expected) {
		return new RevisionNotFoundException(argument, Reason.MALFORMED, List.of(), null,
				"not a revision identifier; " + expected);
	}

	/** The identifier as given. */
	public String argument() {
		return this.argument;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * The matching revisions of an ambiguous prefix, or the revision found off the
	 * branch.
	 */
	public List<String> candidates() {
		return this.candidates;
	}

	/** The branch the identifier was qualified with, if any. */
	public @Nullable String branch() {
		return this.branch;
	}

	/** Why an identifier could not be resolved. */
	public enum Reason {

		/** No revision id, prefix or branch label matches. */
		UNKNOWN,

		/** A prefix matching several revisions. */
		AMBIGUOUS_PREFIX,

		/** A revision that shares no lineage with the branch it was qualified with. */
		NOT_ON_BRANCH,

		/** The part before {@code @} is neither a branch label nor a revision. */
		UNKNOWN_BRANCH,

		/** Not in the identifier grammar. */
		MALFORMED

	}

}
