package dev.migrations.core.internal.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.state.AppliedRow;
import dev.migrations.core.internal.state.StateSnapshot;
import dev.migrations.core.internal.state.StateTables;

/** Reads the state tables into a snapshot compared with the revisions of the code. */
final class StateReader {

	private final RevisionSet revisions;

	StateReader(RevisionSet revisions) {
		this.revisions = revisions;
	}

	/**
	 * What a run plans from (see {@link StateTables#readForPlanning}); none when missing.
	 */
	StateSnapshot forPlanning(Connection connection, StateTables tables) throws SQLException {
		boolean exist = tables.exist(connection);
		return snapshot(exist, exist ? tables.readForPlanning(connection) : List.of());
	}

	/** What a run plans from, in tables known to exist (created under the lock). */
	StateSnapshot forPlanningCreated(Connection connection, StateTables tables) throws SQLException {
		return snapshot(true, tables.readForPlanning(connection));
	}

	/** Every column, for the status; none when missing. */
	StateSnapshot everything(Connection connection, StateTables tables) throws SQLException {
		boolean exist = tables.exist(connection);
		return snapshot(exist, exist ? tables.readApplied(connection) : List.of());
	}

	private StateSnapshot snapshot(boolean exist, List<AppliedRow> rows) {
		return StateSnapshot.of(exist, rows, this.revisions.graph(), this.revisions.executables());
	}

}
