package dev.migrations.core.internal.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.MigrationListener.BlockingSession;
import dev.migrations.core.internal.lint.Action;
import dev.migrations.core.internal.lint.LockMode;
import dev.migrations.core.internal.lint.StatementRecognizer;
import org.jspecify.annotations.Nullable;

/**
 * Finds the sessions that hold a lock a statement timed out waiting for: those with a
 * granted lock on the statement's table (or index) in a mode conflicting with the
 * statement's, from {@code pg_locks} and {@code pg_stat_activity}, oldest transaction
 * first. For a statement whose table is not known, the sessions of the database with an
 * open transaction holding a table lock.
 */
final class BlockingSessions {

	private static final String QUERY = "SELECT a.pid, a.state, a.xact_start, a.application_name, "
			+ "left(regexp_replace(a.query, '\\s+', ' ', 'g'), 200), now() FROM pg_stat_activity a "
			+ "WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND a.xact_start IS NOT NULL "
			+ "AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation' "
			+ "AND (?::text IS NULL OR l.relation = to_regclass(?::text)) AND l.mode = ANY (?::text[])) "
			+ "ORDER BY a.xact_start LIMIT 10";

	private BlockingSessions() {
	}

	static List<BlockingSession> of(Connection connection, @Nullable String sql) throws SQLException {
		String relation = null;
		LockMode mode = LockMode.ACCESS_EXCLUSIVE;
		if (sql != null) {
			for (Action action : StatementRecognizer.recognise(sql)) {
				relation = (action.table() != null) ? action.table() : action.name();
				if (action.form().lock() != null) {
					mode = action.form().lock();
				}
				break;
			}
		}
		List<BlockingSession> sessions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(QUERY)) {
			query.setString(1, relation);
			query.setString(2, relation);
			Array modes = connection.createArrayOf("text",
					mode.conflicting().stream().map(LockMode::pgName).toArray(Object[]::new));
			query.setArray(3, modes);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					Timestamp start = result.getTimestamp(3);
					sessions.add(new BlockingSession(result.getInt(1), result.getString(2),
							(start != null) ? start.toInstant() : null, result.getString(4), result.getString(5),
							result.getTimestamp(6).toInstant()));
				}
			}
		}
		return sessions;
	}

}
