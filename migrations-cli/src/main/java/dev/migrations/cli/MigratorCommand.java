package dev.migrations.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command working on revisions shares: its streams, its progress log and the
 * migrators built from the global options.
 */
abstract class MigratorCommand implements Callable<Integer> {

	@ParentCommand
	@Nullable MigrationsCli cli;

	@Spec
	@Nullable CommandSpec spec;

	/** Standard error: errors and progress. */
	final PrintWriter err() {
		return spec().commandLine().getErr();
	}

	private @Nullable ConsoleLog log;

	/** Standard output: results, SQL, JSON. */
	final PrintWriter out() {
		return spec().commandLine().getOut();
	}

	/** Progress on standard error. */
	final ConsoleLog log() {
		if (this.log == null) {
			this.log = new ConsoleLog(spec().commandLine().getErr());
		}
		return this.log;
	}

	final MigratorFactory migrators() {
		return Objects.requireNonNull(this.cli, "cli").migrators();
	}

	/** A migrator of the code only; it never connects. */
	final Migrator offline() {
		return migrators().offline(log());
	}

	/** A migrator connected to the configured database. */
	final Migrator online() {
		return migrators().online(log());
	}

	final MigrationsCli cli() {
		return Objects.requireNonNull(this.cli, "cli");
	}

	/** Ids of the revisions of the code recorded as applied. */
	static Set<String> applied(MigrationStatus status) {
		return status.revisions()
			.stream()
			.filter((revision) -> revision.node() != null && revision.state() == RevisionState.APPLIED)
			.map(RevisionStatus::id)
			.collect(Collectors.toSet());
	}

	/** Refuses a {@code START:TARGET} range outside {@code --sql}. */
	static void requireNoStart(String target) {
		if (OfflineSql.Range.hasStart(target)) {
			throw new UsageException("'" + target + "' names a start, which only --sql takes; give the target alone");
		}
	}

	private CommandSpec spec() {
		return Objects.requireNonNull(this.spec, "spec");
	}

}
