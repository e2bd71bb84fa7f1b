package dev.migrations.core.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.core.Operation;

import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.state.AppliedRow.RowStatus;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.graph.Step;
import org.jspecify.annotations.Nullable;

/**
 * The statements that write state rows, with every value rendered as a literal by the
 * dialect. Online runs send them as one batch in the revision's transaction; offline
 * scripts print the very same text.
 */
public final class StateStatements {

	private static final int MAX_ERROR_MESSAGE = 4000;

	private final Dialect dialect;

	private final TableNames names;

	private final String versionTable;

	private final String historyTable;

	private final @Nullable String host;

	/**
	 * @param host the host name written to history rows; {@code null} in offline scripts
	 */
	public StateStatements(Dialect dialect, TableNames names, @Nullable String host) {
		this.dialect = dialect;
		this.names = names;
		this.versionTable = dialect.table(names, names.versionTable());
		this.historyTable = dialect.table(names, names.historyTable());
		this.host = host;
	}

	/** The same statements for another host value. */
	public StateStatements withHost(@Nullable String host) {
		return new StateStatements(this.dialect, this.names, host);
	}

	public List<String> createTables() {
		return this.dialect.createStateTables(this.names);
	}

	public String insertApplied(RevisionNode revision, @Nullable String checksum, RowStatus status,
			Duration executionTime) {
		return "INSERT INTO " + this.versionTable + " (revision, down_revisions, message, checksum, status, "
				+ "applied_at, applied_by, execution_time_ms) VALUES (" + literal(revision.id()) + ", "
				+ literal(String.join(",", revision.downRevisions())) + ", " + literal(revision.message()) + ", "
				+ literal(checksum) + ", " + literal(status.name()) + ", " + this.dialect.currentTimestamp()
				+ ", CURRENT_USER, " + executionTime.toMillis() + ")";
	}

	public String deleteApplied(String revision) {
		return "DELETE FROM " + this.versionTable + " WHERE revision = " + literal(revision);
	}

	public String deleteAllApplied() {
		return "DELETE FROM " + this.versionTable;
	}

	/**
	 * Sets the status of an applied revision to {@code FAILED}, keeping its other
	 * columns.
	 */
	public String markFailed(String revision) {
		return setStatus(revision, RowStatus.FAILED);
	}

	/** Sets the status of a revision back to {@code APPLIED}. */
	public String markApplied(String revision) {
		return setStatus(revision, RowStatus.APPLIED);
	}

	private String setStatus(String revision, RowStatus status) {
		return "UPDATE " + this.versionTable + " SET status = " + literal(status.name()) + " WHERE revision = "
				+ literal(revision);
	}

	/**
	 * The statement committed before a revision whose effects cannot be rolled back runs
	 * (non-transactional, or DDL that commits implicitly): it records the revision as
	 * {@code RUNNING} until its success or failure replaces the mark, so that a crash in
	 * the middle leaves a state the tables describe.
	 */
	public String markBeforeRunning(Step step, @Nullable String checksum) {
		return (step.direction() == Direction.UPGRADE)
				? insertApplied(step.revision(), checksum, RowStatus.RUNNING, Duration.ZERO)
				: setStatus(step.revision().id(), RowStatus.RUNNING);
	}

	/**
	 * The statements recording a successful step: its applied row (replacing the mark
	 * when {@code marked}) and its history row.
	 */
	public List<String> succeeded(Step step, @Nullable String checksum, boolean marked, List<String> fromHeads,
			List<String> toHeads, @Nullable Instant startedAt, Duration duration) {
		List<String> sql = new ArrayList<>();
		String id = step.revision().id();
		Operation operation;
		if (step.direction() == Direction.UPGRADE) {
			operation = Operation.UPGRADE;
			if (marked) {
				sql.add(deleteApplied(id));
			}
			sql.add(insertApplied(step.revision(), checksum, RowStatus.APPLIED, duration));
		}
		else {
			operation = Operation.DOWNGRADE;
			sql.add(deleteApplied(id));
		}
		sql.add(insertHistory(
				new HistoryRecord(operation, id, fromHeads, toHeads, checksum, startedAt, duration, true, null)));
		return sql;
	}

	public String updateChecksum(String revision, @Nullable String checksum) {
		return "UPDATE " + this.versionTable + " SET checksum = " + literal(checksum) + " WHERE revision = "
				+ literal(revision);
	}

	public String insertHistory(HistoryRecord record) {
		String error = record.errorMessage();
		if (error != null && error.length() > MAX_ERROR_MESSAGE) {
			error = error.substring(0, MAX_ERROR_MESSAGE);
		}
		return "INSERT INTO " + this.historyTable + " (operation, revision, from_heads, to_heads, checksum, "
				+ "started_at, duration_ms, success, error_message, db_user, host) VALUES ("
				+ literal(record.operation().columnValue()) + ", " + literal(record.revision()) + ", "
				+ literal(String.join(",", record.fromHeads())) + ", " + literal(String.join(",", record.toHeads()))
				+ ", " + literal(record.checksum()) + ", "
				+ ((record.startedAt() != null) ? this.dialect.literal(record.startedAt())
						: this.dialect.currentTimestamp())
				+ ", " + record.duration().toMillis() + ", " + (record.success() ? "TRUE" : "FALSE") + ", "
				+ literal(error) + ", CURRENT_USER, " + literal(this.host) + ")";
	}

	/**
	 * The statements of a stamp: clear the table when purging, delete unmarked rows,
	 * (re)insert marked rows, and one history row.
	 * @param checksums the checksum of each marked revision (absent: none)
	 * @param startedAt when the stamp started; {@code null} for {@code CURRENT_TIMESTAMP}
	 */
	public List<String> stamp(StampPlan plan, boolean purge, Map<String, String> checksums, List<String> fromHeads,
			List<String> toHeads, @Nullable Instant startedAt) {
		List<String> sql = new ArrayList<>();
		if (purge) {
			sql.add(deleteAllApplied());
		}
		for (RevisionNode revision : plan.unmark()) {
			sql.add(deleteApplied(revision.id()));
		}
		for (RevisionNode revision : plan.mark()) {
			if (!purge) {
				sql.add(deleteApplied(revision.id()));
			}
			sql.add(insertApplied(revision, checksums.get(revision.id()), RowStatus.APPLIED, Duration.ZERO));
		}
		sql.add(insertHistory(new HistoryRecord(Operation.STAMP, null, fromHeads, toHeads, null, startedAt,
				Duration.ZERO, true, null)));
		return sql;
	}

	private String literal(@Nullable String value) {
		return this.dialect.literal(value);
	}

}
