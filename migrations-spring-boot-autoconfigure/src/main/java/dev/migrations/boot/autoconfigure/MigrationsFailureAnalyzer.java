package dev.migrations.boot.autoconfigure;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.migrations.core.ChecksumMismatchException;
import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.FailedRevisionsException;
import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.SplicedHistoryException;
import dev.migrations.core.UnknownRevisionsException;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.MultipleHeadsException;
import dev.migrations.core.graph.RevisionNotFoundException;
import dev.migrations.core.RevisionLocationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed in Migrations: what happened, and what to run or change.
 * Registered in {@code META-INF/spring.factories}.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
		if (cause instanceof RevisionFailedException failed) {
			return revisionFailed(failed);
		}
		if (cause instanceof ChecksumMismatchException drift) {
			return new FailureAnalysis(
					"The upgrade of applied revision(s) changed since they were applied (drift): " + drift.mismatches()
						.stream()
						.map((mismatch) -> mismatch.revision() + " in " + mismatch.source())
						.collect(Collectors.joining(", ")),
					"Restore the original upgrade section of "
							+ drift.mismatches()
								.stream()
								.map(ChecksumMismatchException.Mismatch::source)
								.collect(Collectors.joining(", "))
							+ " and put the change in a new revision ('migrations revision -m \"...\"'), "
							+ "or, if the edit is intended, accept it with 'migrations repair --checksums'.",
					cause);
		}
		if (cause instanceof MultipleHeadsException heads) {
			return new FailureAnalysis(
					"The target '" + heads.argument() + "' asks for one head, but the revisions have "
							+ heads.heads().size() + " heads: " + String.join(", ", heads.heads()),
					"Set migrations.target=heads to upgrade every head, or migrations.target=<branch label>@head to "
							+ "upgrade one branch, or merge the heads with 'migrations merge -m \"merge heads\" heads'.",
					cause);
		}
		if (cause instanceof RevisionNotFoundException notFound) {
			return new FailureAnalysis(cause.getMessage(),
					"Set migrations.target to a revision that exists ('heads' by default; run 'migrations history' "
							+ "to list them), or add the revision '" + notFound.argument()
							+ "' to migrations.locations.",
					cause);
		}
		if (cause instanceof LockTimeoutException lock) {
			return new FailureAnalysis(
					"Gave up waiting for the migration lock after " + lock.timeout() + ": it is held by "
							+ lock.holder().describe(),
					"Another instance is upgrading the database: restart once it is done. If that session hangs, "
							+ "end it with "
							+ ((lock.holder().pid() != null)
									? "'SELECT pg_terminate_backend(" + lock.holder().pid() + ")'"
									: "'SELECT pg_terminate_backend(pid)'")
							+ ", or raise migrations.lock-timeout (now " + lock.timeout() + ").",
					cause);
		}
		if (cause instanceof RevisionLocationException location) {
			return new FailureAnalysis(cause.getMessage(), "Fix migrations.locations: '" + location.location()
					+ "' must be 'classpath:path' or " + "'filesystem:path' naming an existing directory of revisions.",
					cause);
		}
		if (cause instanceof FailedRevisionsException failed) {
			return new FailureAnalysis(
					"Revision(s) " + String.join(", ", failed.revisions())
							+ " are recorded FAILED by an earlier run: their changes may be partly applied",
					"Fix the database by hand, then run 'migrations repair' to clear the mark "
							+ "('migrations stamp <revision>' if you completed the revision by hand), and restart.",
					cause);
		}
		if (cause instanceof SplicedHistoryException) {
			return new FailureAnalysis(cause.getMessage(),
					"Give the new revision a down_revision on the current head, or apply its change by hand and "
							+ "run 'migrations stamp <revision>'.",
					cause);
		}
		if (cause instanceof UnknownRevisionsException unknown) {
			return new FailureAnalysis(
					"The database records revision(s) the code does not know: "
							+ String.join(", ", unknown.revisions()),
					"Deploy the release that has them, or set migrations.on-unknown-revision=warn to start anyway.",
					cause);
		}
		if (cause instanceof InvalidConfigurationException invalid) {
			return new FailureAnalysis(cause.getMessage(),
					"Change migrations." + propertyName(invalid.setting())
							+ " (or the MigrationsConfigurationCustomizer that sets " + invalid.setting() + ").",
					cause);
		}
		if (cause instanceof DatabaseAccessException) {
			return new FailureAnalysis(cause.getMessage(),
					"Check that the database is reachable and that spring.datasource.* (or migrations.url, "
							+ "migrations.user and migrations.password) name it and a user allowed to change the schema.",
					cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Fix the cause above; set migrations.on-startup=none to start without touching the database.", cause);
	}

	/** The property of a core setting: {@code versionTable} is {@code version-table}. */
	private static String propertyName(String setting) {
		return setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static FailureAnalysis revisionFailed(RevisionFailedException failed) {
		String where = failed.source() + ((failed.line() != null) ? " at line " + failed.line() : "");
		String description = ((failed.direction() == Direction.UPGRADE) ? "Upgrade" : "Downgrade") + " of revision "
				+ failed.revision() + " failed in " + where
				+ ((failed.sqlState() != null) ? " (SQLState " + failed.sqlState() + ")" : "") + ": "
				+ failed.databaseMessage();
		String action = failed.recordedFailed()
				? "Its changes may be partly applied, so it is recorded FAILED. Fix the database by hand and the "
						+ "statement in " + where + ", then run 'migrations repair' and restart."
				: "Nothing of revision " + failed.revision() + " remains (rolled back); revisions before it stay "
						+ "applied. Fix the statement in " + where + " and restart.";
		return new FailureAnalysis(description, action, failed);
	}

}
