package dev.migrations.core.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.ChecksumMismatchException;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RepairResult;
import dev.migrations.core.internal.command.DbSession.Locked;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.state.HistoryRecord;
import dev.migrations.core.internal.state.StateSnapshot;
import dev.migrations.core.internal.state.StateStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears {@code FAILED} (and interrupted {@code RUNNING}) marks, and accepts changed
 * checksums when asked; under the lock, and only when there is something to repair.
 */
public final class DbRepair {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DbSession session;

	private final StateReader reader;

	public DbRepair(DbSession session, RevisionSet revisions) {
		this.session = session;
		this.reader = new StateReader(revisions);
	}

	public RepairResult repair(boolean acceptChecksums) {
		List<String> cleared = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		this.session.run(Operation.REPAIR, "", (connection, tables, progress) -> {
			StateSnapshot snapshot = this.reader.forPlanning(connection, tables);
			progress.heads(snapshot.heads());
			if (snapshot.failed().isEmpty() && snapshot.running().isEmpty()
					&& (!acceptChecksums || snapshot.mismatches().isEmpty())) {
				return;
			}
			// try/finally rather than try-with-resources: the block holds the lock and
			// never uses its handle
			Locked locked = this.session.lock(tables);
			try {
				snapshot = this.reader.forPlanning(connection, tables);
				StateStatements statements = this.session.statements(tables.dialect());
				List<String> sql = new ArrayList<>();
				List<String> heads = snapshot.heads();
				List<String> failures = new ArrayList<>(snapshot.failed().keySet());
				failures.addAll(snapshot.running().keySet());
				for (String id : failures) {
					sql.add(statements.deleteApplied(id));
					sql.add(statements.insertHistory(new HistoryRecord(Operation.REPAIR, id, heads, heads, null,
							Instant.now(), Duration.ZERO, true, null)));
					cleared.add(id);
				}
				if (acceptChecksums) {
					for (ChecksumMismatchException.Mismatch mismatch : snapshot.mismatches()) {
						sql.add(statements.updateChecksum(mismatch.revision(), mismatch.actual()));
						sql.add(statements.insertHistory(new HistoryRecord(Operation.REPAIR, mismatch.revision(), heads,
								heads, mismatch.actual(), Instant.now(), Duration.ZERO, true, null)));
						accepted.add(mismatch.revision());
					}
				}
				DbSession.transaction(connection, sql);
				logger.info("Repaired: cleared FAILED {}, accepted checksums of {}", cleared, accepted);
			}
			finally {
				locked.close();
			}
		});
		return new RepairResult(cleared, accepted);
	}

}
