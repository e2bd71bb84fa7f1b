package dev.migrations.core.graph;

import java.util.List;

/**
 * A relative identifier ({@code +N}, {@code -N}, {@code <rev>+N}, {@code <label>@-N} ...)
 * that cannot be walked: it overshoots the graph, walks into a fork or a merge, starts
 * from several current heads, or points the wrong way for the command.
 */
public class RelativeRevisionException extends RevisionGraphException {

	private final String argument;

	private final Reason reason;

	private final List<String> revisions;

	RelativeRevisionException(String argument, Reason reason, List<String> revisions, String detail) {
		super("Relative revision " + argument + " " + detail);
		this.argument = argument;
		this.reason = reason;
		this.revisions = List.copyOf(revisions);
	}

	/** The identifier as given. */
	public String argument() {
		return this.argument;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * The revisions involved: where an overshooting walk started, the revisions following
	 * a fork (or the parents of a merge point), or the current heads an ambiguous walk
	 * could start from; empty for a walk in the wrong direction or from base.
	 */
	public List<String> revisions() {
		return this.revisions;
	}

	/** Why a relative walk failed. */
	public enum Reason {

		/** Fewer revisions than asked for lie in that direction. */
		OVERSHOOT,

		/** The walk reaches a branch point (up) or a merge point (down). */
		FORK,

		/** Several current heads could be the starting point. */
		AMBIGUOUS_START,

		/** {@code -N} given to upgrade or {@code +N} to downgrade. */
		WRONG_DIRECTION

	}

}
