package dev.migrations.core.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RunResult;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.internal.command.DbSession.Locked;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.state.AppliedSet;
import dev.migrations.core.internal.state.StateSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the database as being at some revisions without running anything (adopting an
 * existing database), under the lock, creating the state tables when missing.
 */
public final class DbStamp {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DbSession session;

	private final RevisionSet revisions;

	private final StateReader reader;

	public DbStamp(DbSession session, RevisionSet revisions) {
		this.session = session;
		this.revisions = revisions;
		this.reader = new StateReader(revisions);
	}

	public RunResult stamp(List<String> targets, boolean purge) {
		return this.session.run(Operation.STAMP, String.join(",", targets), (connection, tables, progress) -> {
			// try/finally rather than try-with-resources: the block holds the lock and
			// never uses its handle
			Locked locked = this.session.lock(tables);
			try {
				DbSession.createTablesIfMissing(connection, tables);
				StateSnapshot snapshot = this.reader.forPlanningCreated(connection, tables);
				AppliedSet before = snapshot.appliedSet();
				progress.fromHeads = before.heads();
				StampPlan plan = this.revisions.graph()
					.planStamp(purge ? Set.of() : snapshot.knownApplied(), targets, purge);
				AppliedSet after = before.afterStamp(plan, purge);
				logger.info("Running stamp_revision {} -> {}", String.join(", ", progress.fromHeads),
						String.join(", ", after.heads()));
				DbSession.transaction(connection, this.session.statements(tables.dialect())
					.stamp(plan, purge, this.revisions.checksums(), progress.fromHeads, after.heads(), Instant.now()));
				progress.toHeads = after.heads();
			}
			finally {
				locked.close();
			}
		});
	}

}
