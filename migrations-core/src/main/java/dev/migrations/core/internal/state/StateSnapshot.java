package dev.migrations.core.internal.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrations.core.ChecksumMismatchException;
import dev.migrations.core.FailedRevisionsException;
import dev.migrations.core.SplicedHistoryException;
import dev.migrations.core.UnknownRevisionPolicy;
import dev.migrations.core.UnknownRevisionsException;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.source.ExecutableRevision;

/**
 * The state tables read once, compared with the code: which revisions are applied,
 * failed, unknown, changed (drift) or spliced into applied history.
 */
public final class StateSnapshot {

	private final boolean tablesExist;

	private final RevisionGraph graph;

	private final List<AppliedRow> rows;

	private final Map<String, ExecutableRevision> revisions;

	private final Set<String> knownApplied = new LinkedHashSet<>();

	private final Map<String, String> failed = new LinkedHashMap<>();

	private final Map<String, String> running = new LinkedHashMap<>();

	private final List<AppliedRow> unknown = new ArrayList<>();

	private final List<ChecksumMismatchException.Mismatch> mismatches = new ArrayList<>();

	private final Map<String, List<String>> spliced = new LinkedHashMap<>();

	private StateSnapshot(boolean tablesExist, List<AppliedRow> rows, RevisionGraph graph,
			Map<String, ExecutableRevision> revisions) {
		this.tablesExist = tablesExist;
		this.graph = graph;
		this.rows = List.copyOf(rows);
		this.revisions = revisions;
		for (AppliedRow row : rows) {
			ExecutableRevision revision = revisions.get(row.revision());
			String source = (revision != null) ? revision.source() : "unknown to the code";
			if (row.failed()) {
				this.failed.put(row.revision(), source);
			}
			else if (row.running()) {
				this.running.put(row.revision(), source);
			}
			if (revision == null) {
				this.unknown.add(row);
				continue;
			}
			if (!row.applied()) {
				continue;
			}
			this.knownApplied.add(row.revision());
			if (row.checksum() != null && revision.checksum() != null
					&& !Objects.equals(row.checksum(), revision.checksum())) {
				this.mismatches.add(new ChecksumMismatchException.Mismatch(row.revision(), revision.source(),
						row.checksum(), revision.checksum()));
			}
		}
		findSpliced(graph);
	}

	/** Compares {@code rows} ({@code tablesExist} false: none) with the code. */
	public static StateSnapshot of(boolean tablesExist, List<AppliedRow> rows, RevisionGraph graph,
			Map<String, ExecutableRevision> revisions) {
		return new StateSnapshot(tablesExist, rows, graph, revisions);
	}

	/**
	 * Revisions not applied below applied ones, through {@code down_revision} or
	 * {@code depends_on} (a failed revision counts as present here: it is reported as
	 * failed).
	 */
	private void findSpliced(RevisionGraph graph) {
		Set<String> present = this.knownApplied;
		if (!this.failed.isEmpty() || !this.running.isEmpty()) {
			present = new HashSet<>(this.knownApplied);
			for (String id : this.failed.keySet()) {
				addIfKnown(graph, id, present);
			}
			for (String id : this.running.keySet()) {
				addIfKnown(graph, id, present);
			}
		}
		this.spliced.putAll(graph.missingBelowApplied(present));
	}

	private static void addIfKnown(RevisionGraph graph, String id, Set<String> ids) {
		if (graph.find(id).isPresent()) {
			ids.add(id);
		}
	}

	public boolean tablesExist() {
		return this.tablesExist;
	}

	public List<AppliedRow> rows() {
		return this.rows;
	}

	/** Applied revisions the code knows: what the graph plans from. */
	public Set<String> knownApplied() {
		return Collections.unmodifiableSet(this.knownApplied);
	}

	/**
	 * Revisions marked {@code RUNNING} with their sources: being run by the run holding
	 * the lock, or, when none holds it, interrupted.
	 */
	public Map<String, String> running() {
		return this.running;
	}

	/**
	 * Whether a revision of this code is marked {@code RUNNING}. One the code does not
	 * know is being run by a newer release (a rolling deploy) or was interrupted there:
	 * either way an instance of this code, ahead of which the database is, has nothing to
	 * wait for.
	 */
	public boolean runningKnown() {
		for (String id : this.running.keySet()) {
			if (this.revisions.containsKey(id)) {
				return true;
			}
		}
		return false;
	}

	/** Failed revisions' ids with their sources. */
	public Map<String, String> failed() {
		return this.failed;
	}

	public List<AppliedRow> unknown() {
		return this.unknown;
	}

	public List<String> unknownIds() {
		return this.unknown.stream().map(AppliedRow::revision).toList();
	}

	public List<ChecksumMismatchException.Mismatch> mismatches() {
		return this.mismatches;
	}

	/** Spliced revisions, each with the applied revisions directly above it. */
	public Map<String, List<String>> spliced() {
		return this.spliced;
	}

	/** Every applied revision (unknown ones included) with its recorded parents. */
	public AppliedSet appliedSet() {
		Map<String, List<String>> parents = new LinkedHashMap<>();
		for (AppliedRow row : this.rows) {
			if (row.applied()) {
				parents.put(row.revision(), row.downRevisions());
			}
		}
		return new AppliedSet(parents, this.graph);
	}

	/** The heads recorded in the database. */
	public List<String> heads() {
		return appliedSet().heads();
	}

	/**
	 * Refuses to run on failed revisions, spliced history, drift (when checksums are
	 * validated) and unknown revisions (when the policy says so).
	 * @param underLock whether the caller holds the lock: revisions still marked
	 * {@code RUNNING} then were interrupted and count as failed; without the lock they
	 * may be running, and are left to the check under the lock
	 */
	public void checkRunnable(boolean validateChecksums, UnknownRevisionPolicy onUnknownRevision, boolean underLock) {
		Map<String, String> failures = new LinkedHashMap<>(this.failed);
		if (underLock) {
			this.running.forEach((id, source) -> failures.put(id, source + ", interrupted while running"));
		}
		if (!failures.isEmpty()) {
			throw new FailedRevisionsException(failures);
		}
		if (!this.spliced.isEmpty()) {
			Map<String, String> sources = new LinkedHashMap<>();
			this.spliced.keySet().forEach((id) -> sources.put(id, this.revisions.get(id).source()));
			throw new SplicedHistoryException(sources, this.spliced);
		}
		if (validateChecksums && !this.mismatches.isEmpty()) {
			throw new ChecksumMismatchException(this.mismatches);
		}
		if (onUnknownRevision == UnknownRevisionPolicy.FAIL && !this.unknown.isEmpty()) {
			throw UnknownRevisionsException.forbidden(unknownIds());
		}
	}

	/** Refuses a downgrade removing revisions that unknown revisions build on. */
	public void checkDowngrade(Plan plan) {
		Set<String> removed = new HashSet<>();
		plan.steps().stream().map(Step::revision).map(RevisionNode::id).forEach(removed::add);
		List<String> blocking = new ArrayList<>();
		Set<String> parents = new LinkedHashSet<>();
		for (AppliedRow row : this.unknown) {
			for (String parent : row.downRevisions()) {
				if (removed.contains(parent)) {
					blocking.add(row.revision());
					parents.add(parent);
				}
			}
		}
		if (!blocking.isEmpty()) {
			throw UnknownRevisionsException.blockingDowngrade(blocking, List.copyOf(parents));
		}
	}

}
