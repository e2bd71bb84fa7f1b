package dev.migrations.core.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.core.HistoryEntry;
import dev.migrations.core.Operation;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.state.AppliedRow.RowStatus;

/** Reads the state tables and creates them when missing. */
public final class StateTables {

	private final Dialect dialect;

	private final TableNames names;

	public StateTables(Dialect dialect, TableNames names) {
		this.dialect = dialect;
		this.names = names;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public TableNames names() {
		return this.names;
	}

	/** The qualified, quoted name of the version table, for messages. */
	public String versionTable() {
		return this.dialect.table(this.names, this.names.versionTable());
	}

	/** The qualified, quoted name of the history table, for messages. */
	public String historyTable() {
		return this.dialect.table(this.names, this.names.historyTable());
	}

	public boolean exist(Connection connection) throws SQLException {
		return this.dialect.stateTablesExist(connection, this.names);
	}

	/**
	 * Creates the schema and tables when missing, as one batch (one round trip where the
	 * driver pipelines batches). Callers hold the migration lock, so concurrent instances
	 * never race on the DDL, and commit: on PostgreSQL both tables then come with one
	 * commit, or neither.
	 */
	public void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String schema = this.names.schema();
			if (schema != null && !this.dialect.schemaExists(connection, schema)) {
				statement.addBatch(this.dialect.createSchema(this.names));
			}
			for (String ddl : this.dialect.createTables(this.names)) {
				statement.addBatch(ddl);
			}
			statement.executeBatch();
		}
	}

	/**
	 * The applied, failed and running revisions, oldest first, with only the columns a
	 * run plans from: revision, parents, checksum and status (the rows' other components
	 * are {@code null}). The tables exist (see {@link #exist}).
	 */
	public List<AppliedRow> readForPlanning(Connection connection) throws SQLException {
		String sql = "SELECT revision, down_revisions, checksum, status FROM " + versionTable()
				+ " ORDER BY applied_at, revision";
		List<AppliedRow> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(new AppliedRow(result.getString(1), split(result.getString(2)), null, result.getString(3),
						RowStatus.valueOf(result.getString(4)), null, null, null));
			}
		}
		return rows;
	}

	/**
	 * The applied, failed and running revisions, oldest first, with every column. The
	 * tables exist (see {@link #exist}).
	 */
	public List<AppliedRow> readApplied(Connection connection) throws SQLException {
		String sql = "SELECT revision, down_revisions, message, checksum, status, applied_at, applied_by, "
				+ "execution_time_ms FROM " + versionTable() + " ORDER BY applied_at, revision";
		List<AppliedRow> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(new AppliedRow(result.getString(1), split(result.getString(2)), result.getString(3),
						result.getString(4), RowStatus.valueOf(result.getString(5)), this.dialect.instant(result, 6),
						result.getString(7), Duration.ofMillis(result.getLong(8))));
			}
		}
		return rows;
	}

	/** The newest {@code limit} history rows, newest first; empty when missing. */
	public List<HistoryEntry> readHistory(Connection connection, int limit) throws SQLException {
		if (limit <= 0 || !exist(connection)) {
			return List.of();
		}
		String sql = "SELECT id, operation, revision, from_heads, to_heads, checksum, started_at, duration_ms, "
				+ "success, error_message, db_user, host FROM " + historyTable()
				+ " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
		List<HistoryEntry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, limit);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					entries.add(new HistoryEntry(result.getLong(1), Operation.ofColumnValue(result.getString(2)),
							result.getString(3), split(result.getString(4)), split(result.getString(5)),
							result.getString(6), this.dialect.instant(result, 7), Duration.ofMillis(result.getLong(8)),
							result.getBoolean(9), result.getString(10), result.getString(11), result.getString(12)));
				}
			}
		}
		return entries;
	}

	private static List<String> split(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
