package dev.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of a state command run over a fleet of targets: where the targets come
 * from, which of them run, how many at once, and where the report goes.
 */
final class FleetOptions {

	@Option(names = "--targets", paramLabel = "FILE",
			description = "run on each target of a JSON Lines file ('-' for standard input): "
					+ "{\"id\": \"t_0001\", \"schema\": \"t_0001\"} on --url, or {\"id\": \"t_0002\", \"url\": \"jdbc:...\"}; "
					+ "secrets only as ${ENV}")
	@Nullable String targets;

	@Option(names = "--targets-query", paramLabel = "SQL",
			description = "run on each row of a query on --url: one column (the id and schema), or columns id, schema, url")
	@Nullable String targetsQuery;

	@Option(names = "--parallel", paramLabel = "N", description = "targets run at once (default: 4)")
	int parallel = 4;

	@Option(names = "--canary", paramLabel = "ID", split = ",",
			description = "targets run first, one by one; a canary failure stops before any other target is touched")
	List<String> canary = new ArrayList<>();

	@Option(names = "--max-failures", paramLabel = "K",
			description = "failed targets tolerated before no further target starts (default: 0)")
	int maxFailures;

	@Option(names = "--shard", paramLabel = "I/K",
			description = "only the targets whose SHA-256 of id modulo K is I (e.g. $JOB_COMPLETION_INDEX/8)")
	@Nullable String shard;

	@Option(names = "--report", paramLabel = "FILE",
			description = "write one JSON object per target, then a summary object, to FILE (JSON Lines)")
	@Nullable Path report;

	@Option(names = "--only-failed", paramLabel = "REPORT",
			description = "only the targets that REPORT does not list as done (UP_TO_DATE or UPGRADED)")
	@Nullable Path onlyFailed;

	/** Whether the command runs over targets. */
	boolean enabled() {
		return this.targets != null || this.targetsQuery != null;
	}

	/** Refuses the fleet options without targets. */
	void requireTargetsForOptions() {
		if (!enabled()
				&& (this.shard != null || this.report != null || this.onlyFailed != null || !this.canary.isEmpty())) {
			throw new UsageException(
					"--shard, --report, --only-failed and --canary work on targets: give --targets FILE or --targets-query SQL");
		}
		if (this.targets != null && this.targetsQuery != null) {
			throw new UsageException("give --targets or --targets-query, not both");
		}
	}

}
