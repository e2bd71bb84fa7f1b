package dev.migrations.boot;

import java.util.List;

import dev.migrations.core.ChecksumMismatchException;
import dev.migrations.core.FailedRevisionsException;
import dev.migrations.core.HistoryEntry;
import dev.migrations.core.MigrationState;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.SplicedHistoryException;
import org.jspecify.annotations.Nullable;

/**
 * What one migrator knows right now: the database's status, the latest run of this
 * application and, optionally, the newest history rows. Reading never throws: a database
 * that cannot be read gives {@link ReportedState#UNAVAILABLE} with the error.
 */
public final class MigratorReport {

	private final ReportedState state;

	private final @Nullable MigrationStatus status;

	private final List<HistoryEntry> history;

	private final MigrationsRunTracker.Run run;

	private final @Nullable String error;

	private MigratorReport(ReportedState state, @Nullable MigrationStatus status, List<HistoryEntry> history,
			MigrationsRunTracker.Run run, @Nullable String error) {
		this.state = state;
		this.status = status;
		this.history = List.copyOf(history);
		this.run = run;
		this.error = error;
	}

	/**
	 * Reads the state of {@code migrator}'s database.
	 * @param migrator the migrator
	 * @param historyLimit how many history rows to read, newest first; 0 for none
	 */
	public static MigratorReport read(Migrator migrator, int historyLimit) {
		MigrationsRunTracker.Run run = MigrationsRunTracker.of(migrator)
			.map(MigrationsRunTracker::run)
			.orElse(MigrationsRunTracker.Run.NOT_STARTED);
		MigrationStatus status;
		List<HistoryEntry> history;
		try {
			status = migrator.status();
			history = (historyLimit > 0) ? migrator.history(historyLimit) : List.of();
		}
		catch (RuntimeException ex) {
			String error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
			return new MigratorReport((run.status() == MigrationsRunTracker.Status.RUNNING) ? ReportedState.RUNNING
					: ReportedState.UNAVAILABLE, null, List.of(), run, error);
		}
		ReportedState state = state(status, run);
		// The error of a failed run while the database still shows it; once another
		// instance fixed the database, the run's error is history.
		String error = (state == ReportedState.FAILED && run.error() != null) ? run.error() : problem(status);
		return new MigratorReport(state, status, history, run, error);
	}

	private static @Nullable String problem(MigrationStatus status) {
		List<String> failed = ids(status.revisionsIn(RevisionState.FAILED));
		if (!failed.isEmpty()) {
			return FailedRevisionsException.summary(failed);
		}
		List<String> changed = ids(status.revisions()
			.stream()
			.filter((revision) -> Boolean.FALSE.equals(revision.checksumMatches()))
			.toList());
		List<String> spliced = ids(status.revisions().stream().filter(RevisionStatus::spliced).toList());
		if (status.state() == MigrationState.DRIFTED && !changed.isEmpty()) {
			return ChecksumMismatchException.summary(changed);
		}
		if (status.state() == MigrationState.DRIFTED && !spliced.isEmpty()) {
			return SplicedHistoryException.summary(spliced);
		}
		return null;
	}

	private static List<String> ids(List<RevisionStatus> revisions) {
		return revisions.stream().map(RevisionStatus::id).toList();
	}

	private static ReportedState state(MigrationStatus status, MigrationsRunTracker.Run run) {
		if (run.status() == MigrationsRunTracker.Status.RUNNING
				|| !status.revisionsIn(RevisionState.RUNNING).isEmpty()) {
			return ReportedState.RUNNING;
		}
		return switch (status.state()) {
			case FAILED -> ReportedState.FAILED;
			case DRIFTED -> ReportedState.DRIFTED;
			case PENDING ->
				(run.status() == MigrationsRunTracker.Status.FAILED) ? ReportedState.FAILED : ReportedState.PENDING;
			case AHEAD -> ReportedState.AHEAD;
			case UP_TO_DATE -> ReportedState.UP_TO_DATE;
		};
	}

	public ReportedState state() {
		return this.state;
	}

	/** The database compared with the code; {@code null} when it could not be read. */
	public @Nullable MigrationStatus status() {
		return this.status;
	}

	/** The newest history rows, newest first. */
	public List<HistoryEntry> history() {
		return this.history;
	}

	/** The latest run of this application. */
	public MigrationsRunTracker.Run run() {
		return this.run;
	}

	/**
	 * The revision being applied now: by this application's run, else by another
	 * instance's (a revision that cannot roll back is recorded running while it runs).
	 */
	public @Nullable String running() {
		if (this.run.current() != null) {
			return this.run.current();
		}
		if (this.status != null) {
			return this.status.revisionsIn(RevisionState.RUNNING)
				.stream()
				.map(RevisionStatus::id)
				.findFirst()
				.orElse(null);
		}
		return null;
	}

	/**
	 * Why the state could not be read, else the error of the latest run if it failed,
	 * else what keeps runs from going on (failed or changed revisions); {@code null} when
	 * nothing is wrong.
	 */
	public @Nullable String error() {
		return this.error;
	}

}
