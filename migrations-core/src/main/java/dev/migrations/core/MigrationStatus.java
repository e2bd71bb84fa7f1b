package dev.migrations.core;

import java.util.List;
import java.util.Optional;

/**
 * A database compared with the code, read without taking the lock or changing anything.
 *
 * @param state the overall state
 * @param currentHeads the heads recorded in the database (unknown revisions included)
 * @param codeHeads the heads of the code's revision graph
 * @param pending ids of the revisions an upgrade to {@code heads} would run, in order
 * @param revisions every revision of the code in load order, then the unknown ones
 */
public record MigrationStatus(MigrationState state, List<String> currentHeads, List<String> codeHeads,
		List<String> pending, List<RevisionStatus> revisions) {

	public MigrationStatus {
		currentHeads = List.copyOf(currentHeads);
		codeHeads = List.copyOf(codeHeads);
		pending = List.copyOf(pending);
		revisions = List.copyOf(revisions);
	}

	/** The revision with this id, if the code or the database knows it. */
	public Optional<RevisionStatus> revision(String id) {
		return this.revisions.stream().filter((revision) -> revision.id().equals(id)).findFirst();
	}

	/** The revisions in {@code state}, in the order of {@link #revisions()}. */
	public List<RevisionStatus> revisionsIn(RevisionState state) {
		return this.revisions.stream().filter((revision) -> revision.state() == state).toList();
	}

}
