package dev.migrations.core.internal.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.core.HistoryEntry;
import dev.migrations.core.MigrationState;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.state.AppliedRow;
import dev.migrations.core.internal.state.StateSnapshot;

/**
 * Reads the database and compares it with the code: the status, the history, the current
 * heads. Reads only: never takes the lock or creates anything.
 */
public final class DbStatus {

	private final DbSession session;

	private final RevisionSet revisions;

	private final StateReader reader;

	public DbStatus(DbSession session, RevisionSet revisions) {
		this.session = session;
		this.revisions = revisions;
		this.reader = new StateReader(revisions);
	}

	public MigrationStatus status() {
		return this.session.read((connection, tables) -> {
			StateSnapshot snapshot = this.reader.everything(connection, tables);
			boolean runInProgress = !snapshot.running().isEmpty() && this.session.lockHeld(connection, tables);
			return status(snapshot, runInProgress);
		});
	}

	/** The newest {@code limit} rows of the history table, newest first. */
	public List<HistoryEntry> history(int limit) {
		return this.session.read((connection, tables) -> tables.readHistory(connection, limit));
	}

	/** The heads recorded in the database, revisions unknown to the code included. */
	public List<String> currentHeads() {
		return this.session.read((connection, tables) -> this.reader.forPlanning(connection, tables).heads());
	}

	/** What a run plans from, read now: the revisions the database has applied. */
	StateSnapshot snapshot() {
		return this.session.read(this.reader::forPlanning);
	}

	private MigrationStatus status(StateSnapshot snapshot, boolean runInProgress) {
		RevisionGraph graph = this.revisions.graph();
		Map<String, AppliedRow> rows = new HashMap<>();
		snapshot.rows().forEach((row) -> rows.put(row.revision(), row));
		List<String> pending = pending(snapshot);
		List<RevisionStatus> statuses = new ArrayList<>();
		for (RevisionNode node : graph.revisions()) {
			ExecutableRevision revision = this.revisions.executables().get(node.id());
			AppliedRow row = rows.get(node.id());
			if (row == null) {
				statuses.add(new RevisionStatus(node.id(), RevisionState.PENDING, node, node.downRevisions(),
						node.message(), null, null, null, revision.checksum(), null,
						snapshot.spliced().containsKey(node.id())));
			}
			else {
				Boolean matches = (row.applied() && row.checksum() != null && revision.checksum() != null)
						? row.checksum().equals(revision.checksum()) : null;
				statuses.add(new RevisionStatus(node.id(), stateOf(row, RevisionState.APPLIED, runInProgress), node,
						node.downRevisions(), node.message(), row.appliedAt(), row.appliedBy(), row.executionTime(),
						row.checksum(), matches, false));
			}
		}
		for (AppliedRow row : snapshot.unknown()) {
			statuses.add(new RevisionStatus(row.revision(), stateOf(row, RevisionState.UNKNOWN, runInProgress), null,
					row.downRevisions(), row.message(), row.appliedAt(), row.appliedBy(), row.executionTime(),
					row.checksum(), null, false));
		}
		return new MigrationStatus(state(snapshot, pending, runInProgress), snapshot.heads(), graph.heads(), pending,
				statuses);
	}

	/**
	 * The revisions an upgrade to the heads would run, in order; with spliced history
	 * (which no run plans from), every revision not applied, in load order.
	 */
	private List<String> pending(StateSnapshot snapshot) {
		RevisionGraph graph = this.revisions.graph();
		if (snapshot.spliced().isEmpty()) {
			return graph.planUpgrade(snapshot.knownApplied(), "heads")
				.steps()
				.stream()
				.map((step) -> step.revision().id())
				.toList();
		}
		return graph.revisions()
			.stream()
			.map(RevisionNode::id)
			.filter((id) -> !snapshot.knownApplied().contains(id))
			.toList();
	}

	private MigrationState state(StateSnapshot snapshot, List<String> pending, boolean runInProgress) {
		if (!snapshot.failed().isEmpty() || (!snapshot.running().isEmpty() && !runInProgress)) {
			return MigrationState.FAILED;
		}
		if (!snapshot.spliced().isEmpty()
				|| (this.session.configuration().validateChecksums() && !snapshot.mismatches().isEmpty())) {
			return MigrationState.DRIFTED;
		}
		if (!pending.isEmpty() || snapshot.runningKnown()) {
			return MigrationState.PENDING;
		}
		if (!snapshot.unknown().isEmpty()) {
			return MigrationState.AHEAD;
		}
		return MigrationState.UP_TO_DATE;
	}

	private static RevisionState stateOf(AppliedRow row, RevisionState applied, boolean runInProgress) {
		if (row.failed() || (row.running() && !runInProgress)) {
			return RevisionState.FAILED;
		}
		return row.running() ? RevisionState.RUNNING : applied;
	}

}
