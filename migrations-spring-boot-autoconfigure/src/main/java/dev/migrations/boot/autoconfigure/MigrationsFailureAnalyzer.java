package dev.migrations.boot.autoconfigure;

import java.util.Locale;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.FailedRevisionsException;
import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.RevisionLocationException;
import dev.migrations.core.UnknownRevisionsException;
import dev.migrations.core.graph.MultipleHeadsException;
import dev.migrations.core.graph.RevisionNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed in Migrations: the exception's own description and
 * action, and where the application can act through its settings, the property to change.
 * Registered in {@code META-INF/spring.factories}.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
		String action = join(cause.action(), applicationAction(cause));
		return new FailureAnalysis(cause.description(),
				(action != null) ? action
						: "Fix the cause above; set migrations.on-startup=none to start without touching the database.",
				cause);
	}

	/** What the application can do about {@code cause} through its own settings. */
	private static @Nullable String applicationAction(MigrationsException cause) {
		if (cause instanceof RevisionFailedException failed && "55P03".equals(failed.sqlState())) {
			return "End the blocking transactions named above and restart; the settings are "
					+ "migrations.ddl-retry-budget (how long to retry) and migrations.ddl-lock-timeout (how long each "
					+ "attempt may hold up the application's queries).";
		}
		if (cause instanceof RevisionFailedException failed) {
			return "Fix the statement in " + failed.source()
					+ ((failed.line() != null) ? " at line " + failed.line() : "") + " and restart.";
		}
		if (cause instanceof FailedRevisionsException) {
			return "Then restart.";
		}
		if (cause instanceof MultipleHeadsException) {
			return "Set migrations.target=heads to upgrade every head, or migrations.target=<branch label>@head to "
					+ "upgrade one branch, or merge the heads with 'migrations merge -m \"merge heads\" heads'.";
		}
		if (cause instanceof RevisionNotFoundException notFound) {
			return "Set migrations.target to a revision that exists ('heads' by default; run 'migrations history' to "
					+ "list them), or add the revision '" + notFound.argument() + "' to migrations.locations.";
		}
		if (cause instanceof LockTimeoutException lock) {
			return "The setting is migrations.lock-timeout (now " + lock.timeout() + ").";
		}
		if (cause instanceof RevisionLocationException location) {
			return "Fix migrations.locations: '" + location.location()
					+ "' must be 'classpath:path' or 'filesystem:path' naming an existing directory of revisions.";
		}
		if (cause instanceof UnknownRevisionsException) {
			return "The setting is migrations.on-unknown-revision.";
		}
		if (cause instanceof InvalidConfigurationException invalid) {
			return "Change migrations." + propertyName(invalid.setting())
					+ " (or the MigrationsConfigurationCustomizer that sets " + invalid.setting() + ").";
		}
		if (cause instanceof DatabaseAccessException) {
			return "Check that the database is reachable and that spring.datasource.* (or migrations.url, "
					+ "migrations.user and migrations.password) name it and a user allowed to change the schema.";
		}
		return null;
	}

	private static @Nullable String join(@Nullable String first, @Nullable String second) {
		if (first == null) {
			return second;
		}
		return (second != null) ? first + " " + second : first;
	}

	/** The property of a core setting: {@code versionTable} is {@code version-table}. */
	private static String propertyName(String setting) {
		return setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
