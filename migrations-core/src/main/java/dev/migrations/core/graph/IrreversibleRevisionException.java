package dev.migrations.core.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A downgrade that would have to run revisions without a downgrade. Refused before
 * anything runs.
 */
public class IrreversibleRevisionException extends RevisionGraphException {

	private final List<RevisionNode> revisions;

	public IrreversibleRevisionException(List<RevisionNode> revisions) {
		super(message(revisions));
		this.revisions = List.copyOf(revisions);
	}

	private static String message(List<RevisionNode> revisions) {
		String names = revisions.stream()
			.map((revision) -> revision.id() + " (" + revision.source() + ")")
			.collect(Collectors.joining(", "));
		return ((revisions.size() == 1) ? "Revision " + names + " has no downgrade"
				: "Revisions " + names + " have no downgrade")
				+ "; nothing was run. Add a '-- +downgrade' section, or undo the changes by hand and record the"
				+ " state with 'migrations stamp'";
	}

	/** The irreversible revisions of the plan, in the order they would have run. */
	public List<RevisionNode> revisions() {
		return this.revisions;
	}

	/** The first irreversible revision the plan would have run. */
	public RevisionNode revision() {
		return this.revisions.get(0);
	}

}
