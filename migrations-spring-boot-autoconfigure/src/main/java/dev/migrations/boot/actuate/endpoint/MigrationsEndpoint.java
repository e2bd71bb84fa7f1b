package dev.migrations.boot.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.boot.MigratorReport;
import dev.migrations.boot.ReportedState;
import dev.migrations.boot.fleet.MigrationsFleet;
import dev.migrations.core.HistoryEntry;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionState;
import dev.migrations.core.RevisionStatus;
import dev.migrations.core.Fleet.TargetResult;
import dev.migrations.core.graph.GraphDiagram;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * {@link Endpoint @Endpoint} showing the {@link Migrator} beans of the application
 * context and its parents: state, current and code heads, pending revisions, the startup
 * run (while it runs, too), every revision and the newest history. Read-only; it shows no
 * connection settings.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	/** How many problem targets of a fleet are shown at most. */
	public static final int FLEET_PROBLEMS = 50;

	/** How many history rows each migrator shows, newest first. */
	public static final int HISTORY_LIMIT = 20;

	private final ApplicationContext context;

	public MigrationsEndpoint(ApplicationContext context) {
		this.context = context;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<@Nullable String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
			target.getBeansOfType(Migrator.class)
				.forEach((name, migrator) -> migrators.put(name,
						new MigratorDescriptor(migrator, MigratorReport.read(migrator, HISTORY_LIMIT))));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigratorsDescriptor(migrators, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	/**
	 * One revision as the first migrator that knows it (this context first, then its
	 * parents) shows it; {@code null} (404) when none does.
	 * @param revision the revision id
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		ApplicationContext target = this.context;
		while (target != null) {
			for (Migrator migrator : target.getBeansOfType(Migrator.class).values()) {
				GraphFlags flags = new GraphFlags(migrator.graph());
				MigrationStatus status = MigratorReport.read(migrator, 0).status();
				RevisionStatus found = (status != null) ? status.revision(revision).orElse(null) : null;
				if (found != null) {
					return new RevisionDescriptor(found, flags);
				}
				RevisionNode node = migrator.graph().find(revision).orElse(null);
				if (node != null) {
					return new RevisionDescriptor(node, flags);
				}
			}
			target = target.getParent();
		}
		return null;
	}

	/**
	 * The revision graph of the first migrator (this context first, then its parents) as
	 * a Mermaid flowchart, the database's current heads and pending revisions marked when
	 * its state can be read; {@code null} when the context has no migrator. The text
	 * {@code migrations graph} prints.
	 */
	public @Nullable String graph() {
		ApplicationContext target = this.context;
		while (target != null) {
			Migrator migrator = target.getBeansOfType(Migrator.class).values().stream().findFirst().orElse(null);
			if (migrator != null) {
				MigrationStatus status = MigratorReport.read(migrator, 0).status();
				return GraphDiagram.of(migrator.graph(), null, (status != null) ? applied(status) : null).mermaid();
			}
			target = target.getParent();
		}
		return null;
	}

	/**
	 * The fleet of the application (this context's {@link MigrationsFleet}) from its
	 * latest results: targets, count per state, heads histogram, at most
	 * {@value #FLEET_PROBLEMS} failed, drifted or unreachable targets; {@code null} (404)
	 * without a fleet.
	 */
	public @Nullable Map<String, Object> fleet() {
		MigrationsFleet fleet = this.context.getBeanProvider(MigrationsFleet.class).getIfAvailable();
		if (fleet == null) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		MigrationsFleet.Snapshot snapshot = fleet.latest().orElse(null);
		if (snapshot == null) {
			body.put("state", "NOT_CHECKED_YET");
			return body;
		}
		body.put("targets", snapshot.results().size());
		Map<String, Integer> states = new LinkedHashMap<>();
		snapshot.counts().forEach((status, count) -> {
			if (count > 0) {
				states.put(status.name(), count);
			}
		});
		body.put("states", states);
		body.put("heads", snapshot.heads());
		body.put("problems", snapshot.problems(FLEET_PROBLEMS).stream().map(MigrationsEndpoint::target).toList());
		body.put("checkedAt", snapshot.takenAt());
		return body;
	}

	/**
	 * One target of the fleet as its latest result shows it; {@code null} (404) when
	 * there is no fleet or no such target.
	 */
	public @Nullable Map<String, Object> fleetTarget(String target) {
		MigrationsFleet fleet = this.context.getBeanProvider(MigrationsFleet.class).getIfAvailable();
		if (fleet == null) {
			return null;
		}
		return fleet.latest()
			.flatMap((snapshot) -> snapshot.target(target))
			.map(MigrationsEndpoint::target)
			.orElse(null);
	}

	private static Map<String, Object> target(TargetResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("target", result.target());
		body.put("status", result.status().name());
		if (result.state() != null) {
			body.put("state", result.state().name());
		}
		body.put("current", result.headsAfter());
		if (result.detail() != null) {
			body.put("pending", result.detail().pending());
		}
		TargetResult.Failure failure = result.failure();
		if (failure != null) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("type", failure.type());
			error.put("message", failure.message());
			if (failure.revision() != null) {
				error.put("revision", failure.revision());
			}
			if (failure.file() != null) {
				error.put("file", failure.file());
			}
			if (failure.line() != null) {
				error.put("line", failure.line());
			}
			if (failure.sqlState() != null) {
				error.put("sqlState", failure.sqlState());
			}
			body.put("error", error);
		}
		return body;
	}

	/** Ids of the revisions of the code recorded as applied. */
	private static Set<String> applied(MigrationStatus status) {
		return status.revisionsIn(RevisionState.APPLIED)
			.stream()
			.filter((revision) -> revision.node() != null)
			.map(RevisionStatus::id)
			.collect(Collectors.toSet());
	}

	/** Which revisions are heads, branch points and merge points, computed once. */
	private record GraphFlags(Set<String> heads, Set<String> branchPoints, Set<String> mergePoints) {

		GraphFlags(RevisionGraph graph) {
			this(Set.copyOf(graph.heads()), Set.copyOf(graph.branchPoints()), Set.copyOf(graph.mergePoints()));
		}

	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	/** The migrators of an application's contexts. */
	public static final class MigrationsDescriptor implements OperationResponseBody {

		private final Map<@Nullable String, ContextMigratorsDescriptor> contexts;

		private MigrationsDescriptor(Map<@Nullable String, ContextMigratorsDescriptor> contexts) {
			this.contexts = contexts;
		}

		public Map<@Nullable String, ContextMigratorsDescriptor> getContexts() {
			return this.contexts;
		}

	}

	/** The migrators of one application context. */
	public static final class ContextMigratorsDescriptor {

		private final Map<String, MigratorDescriptor> migrators;

		private final @Nullable String parentId;

		private ContextMigratorsDescriptor(Map<String, MigratorDescriptor> migrators, @Nullable String parentId) {
			this.migrators = migrators;
			this.parentId = parentId;
		}

		public Map<String, MigratorDescriptor> getMigrators() {
			return this.migrators;
		}

		public @Nullable String getParentId() {
			return this.parentId;
		}

	}

	/** One migrator: its database compared with its code. */
	public static final class MigratorDescriptor {

		private final ReportedState state;

		private final List<String> current;

		private final List<String> heads;

		private final List<String> pending;

		private final RunDescriptor run;

		private final List<RevisionDescriptor> revisions;

		private final List<HistoryDescriptor> history;

		private final @Nullable String error;

		private MigratorDescriptor(Migrator migrator, MigratorReport report) {
			RevisionGraph graph = migrator.graph();
			GraphFlags flags = new GraphFlags(graph);
			MigrationStatus status = report.status();
			this.state = report.state();
			this.run = new RunDescriptor(report.run());
			this.error = report.error();
			this.heads = graph.heads();
			if (status != null) {
				this.current = status.currentHeads();
				this.pending = status.pending();
				this.revisions = status.revisions()
					.stream()
					.map((revision) -> new RevisionDescriptor(revision, flags))
					.toList();
			}
			else {
				this.current = List.of();
				this.pending = List.of();
				this.revisions = graph.revisions().stream().map((node) -> new RevisionDescriptor(node, flags)).toList();
			}
			this.history = report.history().stream().map(HistoryDescriptor::new).toList();
		}

		public ReportedState getState() {
			return this.state;
		}

		/** The heads recorded in the database. */
		public List<String> getCurrent() {
			return this.current;
		}

		/** The heads of the code. */
		public List<String> getHeads() {
			return this.heads;
		}

		/** The revisions an upgrade to the heads would run, in order. */
		public List<String> getPending() {
			return this.pending;
		}

		public RunDescriptor getRun() {
			return this.run;
		}

		public List<RevisionDescriptor> getRevisions() {
			return this.revisions;
		}

		public List<HistoryDescriptor> getHistory() {
			return this.history;
		}

		/**
		 * What is wrong, if anything: unreadable database, failed run, failed or changed
		 * revisions.
		 */
		public @Nullable String getError() {
			return this.error;
		}

	}

	/** The latest run of the application (the startup run first). */
	public static final class RunDescriptor {

		private final MigrationsRunTracker.Status status;

		private final @Nullable String operation;

		private final @Nullable String target;

		private final @Nullable Instant startedAt;

		private final @Nullable Instant finishedAt;

		private final int applied;

		private final @Nullable String current;

		private final @Nullable String error;

		private RunDescriptor(MigrationsRunTracker.Run run) {
			this.status = run.status();
			this.operation = (run.operation() != null) ? run.operation().columnValue() : null;
			this.target = run.target();
			this.startedAt = run.startedAt();
			this.finishedAt = run.finishedAt();
			this.applied = run.applied();
			this.current = run.current();
			this.error = run.error();
		}

		public MigrationsRunTracker.Status getStatus() {
			return this.status;
		}

		public @Nullable String getOperation() {
			return this.operation;
		}

		public @Nullable String getTarget() {
			return this.target;
		}

		public @Nullable Instant getStartedAt() {
			return this.startedAt;
		}

		public @Nullable Instant getFinishedAt() {
			return this.finishedAt;
		}

		/** How many revisions the run applied so far. */
		public int getApplied() {
			return this.applied;
		}

		/** The revision running now. */
		public @Nullable String getCurrent() {
			return this.current;
		}

		public @Nullable String getError() {
			return this.error;
		}

	}

	/** One revision, as the code and the database know it. */
	public static final class RevisionDescriptor {

		private final String id;

		private final List<String> downRevisions;

		private final List<String> dependsOn;

		private final Set<String> branchLabels;

		private final String message;

		private final @Nullable String script;

		private final @Nullable String state;

		private final @Nullable Instant appliedAt;

		private final @Nullable String appliedBy;

		private final @Nullable Long executionTime;

		private final @Nullable String checksum;

		private final @Nullable Boolean checksumMatches;

		private final boolean head;

		private final boolean branchPoint;

		private final boolean mergePoint;

		private RevisionDescriptor(RevisionStatus revision, GraphFlags flags) {
			RevisionNode node = revision.node();
			this.id = revision.id();
			this.downRevisions = revision.downRevisions();
			this.dependsOn = (node != null) ? node.dependsOn() : List.of();
			this.branchLabels = (node != null) ? node.branchLabels() : Set.of();
			this.message = revision.message();
			this.script = (node != null) ? node.source() : null;
			this.state = revision.state().name();
			this.appliedAt = revision.appliedAt();
			this.appliedBy = revision.appliedBy();
			this.executionTime = millis(revision.executionTime());
			this.checksum = revision.checksum();
			this.checksumMatches = revision.checksumMatches();
			this.head = flags.heads().contains(this.id);
			this.branchPoint = flags.branchPoints().contains(this.id);
			this.mergePoint = flags.mergePoints().contains(this.id);
		}

		private RevisionDescriptor(RevisionNode node, GraphFlags flags) {
			this.id = node.id();
			this.downRevisions = node.downRevisions();
			this.dependsOn = node.dependsOn();
			this.branchLabels = node.branchLabels();
			this.message = node.message();
			this.script = node.source();
			this.state = null;
			this.appliedAt = null;
			this.appliedBy = null;
			this.executionTime = null;
			this.checksum = null;
			this.checksumMatches = null;
			this.head = flags.heads().contains(this.id);
			this.branchPoint = flags.branchPoints().contains(this.id);
			this.mergePoint = flags.mergePoints().contains(this.id);
		}

		public String getId() {
			return this.id;
		}

		public List<String> getDownRevisions() {
			return this.downRevisions;
		}

		public List<String> getDependsOn() {
			return this.dependsOn;
		}

		public Set<String> getBranchLabels() {
			return this.branchLabels;
		}

		public String getMessage() {
			return this.message;
		}

		/**
		 * The file or class of the revision; {@code null} when the code does not know it.
		 */
		public @Nullable String getScript() {
			return this.script;
		}

		/**
		 * {@code APPLIED}, {@code PENDING}, {@code FAILED} or {@code UNKNOWN} (to the
		 * code); {@code null} when the database could not be read.
		 */
		public @Nullable String getState() {
			return this.state;
		}

		public @Nullable Instant getAppliedAt() {
			return this.appliedAt;
		}

		/** The database user that applied it. */
		public @Nullable String getAppliedBy() {
			return this.appliedBy;
		}

		/** How long it ran, in milliseconds. */
		public @Nullable Long getExecutionTime() {
			return this.executionTime;
		}

		/** The recorded checksum, or the code's when pending. */
		public @Nullable String getChecksum() {
			return this.checksum;
		}

		public @Nullable Boolean getChecksumMatches() {
			return this.checksumMatches;
		}

		public boolean isHead() {
			return this.head;
		}

		public boolean isBranchPoint() {
			return this.branchPoint;
		}

		public boolean isMergePoint() {
			return this.mergePoint;
		}

	}

	/** One row of the history table. */
	public static final class HistoryDescriptor {

		private final long id;

		private final String operation;

		private final @Nullable String revision;

		private final List<String> fromHeads;

		private final List<String> toHeads;

		private final Instant startedAt;

		private final long duration;

		private final boolean success;

		private final @Nullable String errorMessage;

		private final String databaseUser;

		private final @Nullable String host;

		private HistoryDescriptor(HistoryEntry entry) {
			this.id = entry.id();
			this.operation = entry.operation().columnValue();
			this.revision = entry.revision();
			this.fromHeads = entry.fromHeads();
			this.toHeads = entry.toHeads();
			this.startedAt = entry.startedAt();
			this.duration = entry.duration().toMillis();
			this.success = entry.success();
			this.errorMessage = entry.errorMessage();
			this.databaseUser = entry.databaseUser();
			this.host = entry.host();
		}

		public long getId() {
			return this.id;
		}

		public String getOperation() {
			return this.operation;
		}

		public @Nullable String getRevision() {
			return this.revision;
		}

		public List<String> getFromHeads() {
			return this.fromHeads;
		}

		public List<String> getToHeads() {
			return this.toHeads;
		}

		public Instant getStartedAt() {
			return this.startedAt;
		}

		/** How long it took, in milliseconds. */
		public long getDuration() {
			return this.duration;
		}

		public boolean isSuccess() {
			return this.success;
		}

		public @Nullable String getErrorMessage() {
			return this.errorMessage;
		}

		public String getDatabaseUser() {
			return this.databaseUser;
		}

		public @Nullable String getHost() {
			return this.host;
		}

	}

}
