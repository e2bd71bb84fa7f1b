package dev.migrations.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.migrations.core.internal.fleet.FleetRunner;
import dev.migrations.core.internal.fleet.SchemaDataSource;
import dev.migrations.core.internal.fleet.Shards;
import org.jspecify.annotations.Nullable;

/**
 * One operation over many targets (tenant schemas or databases). The revisions are those
 * of one {@link Migrator}, loaded and checksummed once; each target is an ordinary
 * single-database run with its own state tables and lock, through a migrator that shares
 * them. Canaries run first, one by one, and a failing canary stops the operation before
 * any other target is touched; the other targets run in order, at most
 * {@link Builder#parallelism parallelism} at once, and once more than
 * {@link Builder#maxFailures maxFailures} failed no further target starts (those running
 * finish). A target's connections are opened when it starts and closed when it ends, so
 * at most {@code parallelism} targets hold connections (two each while they run
 * revisions: the work connection and the lock's).
 * <p>
 * Nothing is kept beside the targets: a re-run resumes where a stopped or killed run left
 * off, target by target.
 */
public final class Fleet {

	/** How many targets run at once by default. */
	public static final int DEFAULT_PARALLELISM = 4;

	/** How many failed targets are tolerated by default: none. */
	public static final int DEFAULT_MAX_FAILURES = 0;

	private final Migrator migrator;

	private final int parallelism;

	private final int maxFailures;

	private final List<String> canaries;

	private final Listener listener;

	private final boolean skipLocked;

	private Fleet(Builder builder) {
		this.skipLocked = builder.skipLocked;
		this.migrator = builder.migrator;
		this.parallelism = builder.parallelism;
		this.maxFailures = builder.maxFailures;
		this.canaries = List.copyOf(builder.canaries);
		this.listener = builder.listener;
	}

	/**
	 * A fleet running the revisions of {@code migrator} (its other settings too: tables,
	 * lock timeout, listeners, ...) on each target.
	 */
	public static Builder builder(Migrator migrator) {
		return new Builder(migrator);
	}

	/**
	 * Whether {@code id} belongs to shard {@code index} of {@code count}: the SHA-256 of
	 * its UTF-8 bytes, as an unsigned number, modulo {@code count}.
	 */
	public static boolean inShard(String id, int index, int count) {
		if (count < 1 || index < 0 || index >= count) {
			throw new InvalidConfigurationException("shard", index + "/" + count,
					"the shard must be i/K with K at least 1 and i from 0 to K-1");
		}
		return Shards.shardOf(id, count) == index;
	}

	/**
	 * The migrator of one target: the fleet's revisions and settings on the target's data
	 * source and schema.
	 */
	public Migrator migrator(Target target) {
		return targetMigrator(target, null);
	}

	/** Upgrades every target to {@code revision} ({@code heads}, an id, ...). */
	public List<TargetResult> upgrade(List<Target> targets, String revision) {
		return runs(targets, (migrator) -> migrator.upgrade(revision));
	}

	/** Downgrades every target to {@code revision} ({@code -1}, {@code base}, ...). */
	public List<TargetResult> downgrade(List<Target> targets, String revision) {
		return runs(targets, (migrator) -> migrator.downgrade(revision));
	}

	/** Stamps every target at {@code revisions}. */
	public List<TargetResult> stamp(List<Target> targets, List<String> revisions, boolean purge) {
		return runs(targets, (migrator) -> migrator.stamp(revisions, purge));
	}

	/**
	 * Repairs every target: {@code UPGRADED} where marks were cleared or checksums
	 * accepted.
	 */
	public List<TargetResult> repair(List<Target> targets, boolean acceptChecksums) {
		return run(targets, (target) -> {
			Migrator each = targetMigrator(target, null);
			List<String> before = each.currentHeads();
			RepairResult result = each.repair(acceptChecksums);
			List<String> changed = new ArrayList<>(result.clearedFailures());
			changed.addAll(result.acceptedChecksums());
			return new Outcome(changed.isEmpty() ? TargetResult.Status.UP_TO_DATE : TargetResult.Status.UPGRADED, null,
					before, each.currentHeads(), changed, null);
		});
	}

	/**
	 * Reads every target's state ({@link Migrator#status()}); nothing is changed or
	 * locked. {@code UP_TO_DATE} (also when the target is ahead of the code),
	 * {@code PENDING}, {@code FAILED} or {@code DRIFTED} by the target's state.
	 */
	public List<TargetResult> status(List<Target> targets) {
		return run(targets, (result) -> result.failure() != null, (target) -> {
			MigrationStatus status = targetMigrator(target, null).status();
			TargetResult.Status outcome = switch (status.state()) {
				case UP_TO_DATE, AHEAD -> TargetResult.Status.UP_TO_DATE;
				case PENDING -> TargetResult.Status.PENDING;
				case FAILED -> TargetResult.Status.FAILED;
				case DRIFTED -> TargetResult.Status.DRIFTED;
			};
			return new Outcome(outcome, status.state(), status.currentHeads(), status.currentHeads(), List.of(),
					status);
		});
	}

	private List<TargetResult> runs(List<Target> targets, Function<Migrator, RunResult> operation) {
		return run(targets, (target) -> {
			LastRun last = new LastRun();
			Migrator each = targetMigrator(target, last);
			try {
				RunResult result = operation.apply(each);
				return new Outcome(
						result.steps().isEmpty() ? TargetResult.Status.UP_TO_DATE : TargetResult.Status.UPGRADED, null,
						result.fromHeads(), result.toHeads(), applied(result), null);
			}
			catch (MigrationsException ex) {
				throw new TargetFailed(ex, last.result);
			}
		});
	}

	private static List<String> applied(@Nullable RunResult result) {
		return (result != null) ? result.steps().stream().map((step) -> step.step().revision().id()).toList()
				: List.of();
	}

	private List<TargetResult> run(List<Target> targets, Function<Target, Outcome> work) {
		return run(targets, (result) -> !result.status().done() && result.status() != TargetResult.Status.SKIPPED,
				work);
	}

	/**
	 * @param failed whether a result spends the failure budget (a read finding drift does
	 * not; one that cannot connect does)
	 */
	private List<TargetResult> run(List<Target> targets, Predicate<TargetResult> failed,
			Function<Target, Outcome> work) {
		Map<String, Target> byId = new LinkedHashMap<>();
		for (Target target : targets) {
			if (byId.put(target.id(), target) != null) {
				throw new InvalidConfigurationException("targets", target.id(), "each target id must be unique");
			}
		}
		for (String canary : this.canaries) {
			if (!byId.containsKey(canary)) {
				throw new InvalidConfigurationException("canary", canary, "a canary must be one of the targets");
			}
		}
		Set<String> failedSoFar = new HashSet<>();
		long start = System.nanoTime();
		FleetRunner<TargetResult> runner = new FleetRunner<>(this.parallelism, this.maxFailures, this.canaries,
				(id) -> runOne(byId.get(id), work), failed, TargetResult::skipped, (result, done, total) -> {
					if (result.status() != TargetResult.Status.SKIPPED && failed.test(result)) {
						failedSoFar.add(result.target());
					}
					notify(result,
							new Progress(done, total, failedSoFar.size(), Duration.ofNanos(System.nanoTime() - start)));
				});
		return runner.run(new ArrayList<>(byId.keySet()));
	}

	private void notify(TargetResult result, Progress progress) {
		try {
			this.listener.targetFinished(result, progress);
		}
		catch (RuntimeException ex) {
			// a listener must not stop the fleet
		}
	}

	private TargetResult runOne(Target target, Function<Target, Outcome> work) {
		long start = System.nanoTime();
		try {
			Outcome outcome = work.apply(target);
			return new TargetResult(target.id(), outcome.status, outcome.state, outcome.before, outcome.after,
					outcome.applied, Duration.ofNanos(System.nanoTime() - start), null, outcome.detail);
		}
		catch (TargetFailed ex) {
			RunResult partial = ex.partial;
			return failed(target, ex.failure, (partial != null) ? partial.fromHeads() : List.of(),
					(partial != null) ? partial.toHeads() : List.of(), applied(partial), start);
		}
		catch (RuntimeException ex) {
			return failed(target, ex, List.of(), List.of(), List.of(), start);
		}
	}

	private TargetResult failed(Target target, RuntimeException ex, List<String> before, List<String> after,
			List<String> applied, long start) {
		TargetResult.Status status = statusOf(ex);
		if (status == TargetResult.Status.LOCK_TIMEOUT && this.skipLocked) {
			return new TargetResult(target.id(), TargetResult.Status.SKIPPED, null, before, after, applied,
					Duration.ofNanos(System.nanoTime() - start), null, null);
		}
		return new TargetResult(target.id(), status, null, before, after, applied,
				Duration.ofNanos(System.nanoTime() - start), failureOf(ex), null);
	}

	static TargetResult.Status statusOf(RuntimeException ex) {
		if (ex instanceof ChecksumMismatchException || ex instanceof SplicedHistoryException) {
			return TargetResult.Status.DRIFTED;
		}
		if (ex instanceof LockTimeoutException) {
			return TargetResult.Status.LOCK_TIMEOUT;
		}
		if (ex instanceof DatabaseAccessException access && unreachable(access.sqlState())) {
			return TargetResult.Status.UNREACHABLE;
		}
		return TargetResult.Status.FAILED;
	}

	/**
	 * Connection failures (class 08), too many connections (53300), a server shutting
	 * down or starting (57P01 to 57P03).
	 */
	private static boolean unreachable(@Nullable String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("53300") || sqlState.equals("57P01")
				|| sqlState.equals("57P02") || sqlState.equals("57P03"));
	}

	static TargetResult.Failure failureOf(RuntimeException ex) {
		String type = ex.getClass().getSimpleName();
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		if (ex instanceof RevisionFailedException failed) {
			return new TargetResult.Failure(type, message, failed.revision(), failed.source(), failed.line(),
					failed.sqlState());
		}
		if (ex instanceof ChecksumMismatchException drift && !drift.mismatches().isEmpty()) {
			ChecksumMismatchException.Mismatch first = drift.mismatches().get(0);
			return new TargetResult.Failure(type, message, first.revision(), first.source(), null, null);
		}
		if (ex instanceof FailedRevisionsException recorded && !recorded.revisions().isEmpty()) {
			return new TargetResult.Failure(type, message, recorded.revisions().get(0), null, null, null);
		}
		if (ex instanceof DatabaseAccessException access) {
			return new TargetResult.Failure(type, message, null, null, null, access.sqlState());
		}
		return new TargetResult.Failure(type, message, null, null, null, null);
	}

	private Migrator targetMigrator(Target target, @Nullable LastRun last) {
		MigrationsConfiguration configuration = this.migrator.configuration();
		DataSource dataSource = (target.schema() != null) ? new SchemaDataSource(target.dataSource(), target.schema())
				: target.dataSource();
		MigrationsConfiguration.Builder builder = configuration.toBuilder()
			.dataSource(dataSource)
			.migrationDataSource(null)
			.schema((target.schema() != null) ? target.schema() : configuration.schema());
		if (this.skipLocked) {
			builder.lockTimeout(Duration.ZERO);
		}
		if (last != null) {
			builder.listener(last);
		}
		return this.migrator.with(builder.build());
	}

	/**
	 * One target: an id (unique in a fleet, used in reports and shards), where it is, and
	 * the schema of its state tables and objects.
	 *
	 * @param id the target's id
	 * @param dataSource connections to the target's database
	 * @param schema the target's schema (its connections are switched to it), or
	 * {@code null} for the connection's own schema
	 */
	public record Target(String id, DataSource dataSource, @Nullable String schema) {

		public Target {
			if (id == null || id.isBlank()) {
				throw new InvalidConfigurationException("target id", id, "a target needs a non-blank id");
			}
			Objects.requireNonNull(dataSource, "dataSource");
			if (schema != null && !MigrationsConfiguration.IDENTIFIER.matcher(schema).matches()) {
				throw new InvalidConfigurationException("schema of target " + id, schema,
						"a schema name is a letter or _, then letters, digits and _, 63 at most");
			}
		}

	}

	/** Told of each target's result as it comes, one at a time. */
	@FunctionalInterface
	public interface Listener {

		/**
		 * @param result the target's result
		 * @param progress the fleet's progress, this target included
		 */
		void targetFinished(TargetResult result, Progress progress);

	}

	/**
	 * How far an operation of a fleet is.
	 *
	 * @param done targets with a result
	 * @param total all targets
	 * @param failed targets that failed (skipped ones not counted)
	 * @param elapsed time since the operation started
	 */
	public record Progress(int done, int total, int failed, Duration elapsed) {

		/** Targets done per minute so far. */
		public long perMinute() {
			long millis = Math.max(1, this.elapsed.toMillis());
			return Math.round(this.done * 60_000.0 / millis);
		}

		/** {@code 412/5000 done, 3 failed, 38/min}. */
		public String describe() {
			return this.done + "/" + this.total + " done, " + this.failed + " failed, " + perMinute() + "/min";
		}

	}

	/** Builds a {@link Fleet}; {@link #build()} validates. */
	public static final class Builder {

		private final Migrator migrator;

		private int parallelism = DEFAULT_PARALLELISM;

		private int maxFailures = DEFAULT_MAX_FAILURES;

		private List<String> canaries = List.of();

		private Listener listener = (result, progress) -> {
		};

		private boolean skipLocked;

		private Builder(Migrator migrator) {
			this.migrator = Objects.requireNonNull(migrator, "migrator");
		}

		/** The most targets run at once (default 4). */
		public Builder parallelism(int parallelism) {
			this.parallelism = parallelism;
			return this;
		}

		/** Failed targets tolerated before no further target starts (default 0). */
		public Builder maxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
			return this;
		}

		/** Targets run first, one by one, in this order. */
		public Builder canary(List<String> canaries) {
			this.canaries = List.copyOf(canaries);
			return this;
		}

		/**
		 * Whether a target whose lock another run holds is skipped at once (reported
		 * {@code SKIPPED}, not a failure) instead of waited for: instances sharing a
		 * fleet then share the work.
		 */
		public Builder skipLocked(boolean skipLocked) {
			this.skipLocked = skipLocked;
			return this;
		}

		public Builder listener(Listener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		public Fleet build() {
			if (this.parallelism < 1) {
				throw new InvalidConfigurationException("parallel", String.valueOf(this.parallelism),
						"at least one target must run at a time");
			}
			if (this.maxFailures < 0) {
				throw new InvalidConfigurationException("max-failures", String.valueOf(this.maxFailures),
						"give 0 (stop after the first failure) or more");
			}
			return new Fleet(this);
		}

	}

	private record Outcome(TargetResult.Status status, @Nullable MigrationState state, List<String> before,
			List<String> after, List<String> applied, @Nullable MigrationStatus detail) {

	}

	/** The last run of a target's migrator, reported even when it failed. */
	private static final class LastRun implements MigrationListener {

		volatile @Nullable RunResult result;

		@Override
		public void runFinished(RunResult result, @Nullable MigrationsException failure) {
			this.result = result;
		}

	}

	/** A target's run failed; carries what it did before. */
	private static final class TargetFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final transient MigrationsException failure;

		final transient @Nullable RunResult partial;

		TargetFailed(MigrationsException failure, @Nullable RunResult partial) {
			super(failure.getMessage(), failure, false, false);
			this.failure = failure;
			this.partial = partial;
		}

	}

	/**
	 * What one operation of a {@link Fleet} did to one target: an ordinary
	 * single-database run (or read) and its outcome.
	 *
	 * @param target the target's id
	 * @param status the outcome
	 * @param state the database compared with the code, for the reads ({@code status});
	 * else {@code null}
	 * @param headsBefore the target's heads before the operation
	 * @param headsAfter its heads after (where a run failed: after the revisions that
	 * ran)
	 * @param applied the revisions the operation ran or marked, in order
	 * @param duration how long the target took
	 * @param failure why the target failed, or {@code null}
	 * @param detail the full comparison of a read, or {@code null}
	 */
	public record TargetResult(String target, Status status, @Nullable MigrationState state, List<String> headsBefore,
			List<String> headsAfter, List<String> applied, Duration duration, @Nullable Failure failure,
			@Nullable MigrationStatus detail) {

		public TargetResult {
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(status, "status");
			headsBefore = List.copyOf(headsBefore);
			headsAfter = List.copyOf(headsAfter);
			applied = List.copyOf(applied);
			Objects.requireNonNull(duration, "duration");
		}

		/**
		 * A target that was not started (a canary or the failure budget stopped the run).
		 */
		public static TargetResult skipped(String target) {
			return new TargetResult(target, Status.SKIPPED, null, List.of(), List.of(), List.of(), Duration.ZERO, null,
					null);
		}

		/** The outcome of a target. */
		public enum Status {

			/** Nothing to do: the target was at the operation's target already. */
			UP_TO_DATE,

			/**
			 * The operation changed the target (ran or marked revisions) and succeeded.
			 */
			UPGRADED,

			/** A read found revisions pending ({@code status} and {@code check} only). */
			PENDING,

			/** A revision failed, or the target records revisions as {@code FAILED}. */
			FAILED,

			/**
			 * An applied revision changed, or a revision was spliced into applied
			 * history.
			 */
			DRIFTED,

			/** Another run held the target's lock longer than the lock timeout. */
			LOCK_TIMEOUT,

			/** The target could not be connected to. */
			UNREACHABLE,

			/** Not started: a canary failed, or the failure budget was spent. */
			SKIPPED;

			/** Whether the target is where the operation meant it to be. */
			public boolean done() {
				return this == UP_TO_DATE || this == UPGRADED;
			}

			/** Whether only a retry is needed (the cause was not the revisions). */
			public boolean retryable() {
				return this == LOCK_TIMEOUT || this == UNREACHABLE;
			}

		}

		/**
		 * Why a target failed.
		 *
		 * @param type the simple name of the error ({@code RevisionFailedException}, ...)
		 * @param message the error's message: what happened and what to do
		 * @param revision the revision concerned, if one is
		 * @param file the revision's file or class, if one is concerned
		 * @param line the line of the failing statement, if known
		 * @param sqlState the database's SQLState, if any
		 */
		public record Failure(String type, String message, @Nullable String revision, @Nullable String file,
				@Nullable Integer line, @Nullable String sqlState) {

		}

	}

}
