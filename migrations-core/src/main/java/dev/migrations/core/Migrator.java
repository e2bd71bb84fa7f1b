package dev.migrations.core;

import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import dev.migrations.core.dialect.Dialect;
import dev.migrations.core.dialect.Dialects;
import dev.migrations.core.dialect.TableNames;
import dev.migrations.core.execution.AppliedSet;
import dev.migrations.core.execution.ExecutableRevision;
import dev.migrations.core.execution.Listeners;
import dev.migrations.core.execution.RunExecutor;
import dev.migrations.core.execution.StateSnapshot;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.StampPlan;
import dev.migrations.core.graph.Step;
import dev.migrations.core.lock.MigrationLock;
import dev.migrations.core.offline.OfflineRenderer;
import dev.migrations.core.source.RevisionScript;
import dev.migrations.core.state.AppliedRow;
import dev.migrations.core.state.HistoryRecord;
import dev.migrations.core.state.StateStatements;
import dev.migrations.core.state.StateTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies revisions to a database: the one entry point of Migrations. Created from a
 * {@link MigrationsConfiguration}; loads the revisions and builds their graph once.
 * Thread-safe: runs through one instance are serialized, and on PostgreSQL runs of all
 * instances on a database are serialized by an advisory lock held on a second connection
 * of the data source (a pool must allow two connections for a run).
 * <p>
 * An upgrade or downgrade with nothing to do reads the state and returns without taking
 * the lock (a couple of queries): the path every start of an up-to-date service takes.
 * Otherwise the run takes the lock, creates the state tables when missing, reads the
 * state again and runs the plan.
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final String BASE = "base";

	private final MigrationsConfiguration configuration;

	private final List<RevisionScript> scripts;

	private final RevisionGraph graph;

	private final Map<String, ExecutableRevision> revisions;

	private final Listeners listeners;

	private final TableNames names;

	private final ReentrantLock localLock = new ReentrantLock();

	private Migrator(MigrationsConfiguration configuration, List<RevisionScript> scripts) {
		this.configuration = configuration;
		this.scripts = List.copyOf(scripts);
		this.graph = RevisionGraph.of(this.scripts.stream().map(RevisionScript::node).toList());
		Map<String, ExecutableRevision> byId = new LinkedHashMap<>();
		for (RevisionScript script : this.scripts) {
			byId.put(script.id(), ExecutableRevision.of(script));
		}
		this.revisions = Collections.unmodifiableMap(byId);
		this.listeners = new Listeners(configuration.listeners());
		this.names = TableNames.of(configuration);
	}

	/**
	 * Loads the revisions of the configured locations and Java revisions, and checks
	 * their graph.
	 * @throws MigrationsException when a revision cannot be loaded or the graph is
	 * invalid
	 */
	public static Migrator create(MigrationsConfiguration configuration) {
		return new Migrator(configuration, RevisionLoading.load(configuration));
	}

	private static String localHost() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	public MigrationsConfiguration configuration() {
		return this.configuration;
	}

	/** The revision graph of the code, for read-only use. */
	public RevisionGraph graph() {
		return this.graph;
	}

	/** The loaded revisions in load order, for read-only use. */
	public List<RevisionScript> scripts() {
		return this.scripts;
	}

	/**
	 * Upgrades to {@code target} ({@code heads}, {@code head}, an id, {@code +2},
	 * {@code label@head}, ...).
	 * @return what ran
	 * @throws RevisionFailedException when a revision fails (revisions before it stay
	 * applied, unless the transaction mode is ALL)
	 * @throws FailedRevisionsException when a revision is recorded {@code FAILED}
	 * @throws ChecksumMismatchException when an applied revision changed (drift)
	 * @throws SplicedHistoryException when a revision was spliced into applied history
	 * @throws UnknownRevisionsException when the database knows revisions the code does
	 * not and the policy is {@code FAIL}
	 * @throws LockTimeoutException when another run holds the lock too long
	 * @throws DatabaseAccessException when the database cannot be used
	 */
	public RunResult upgrade(String target) {
		return run(Operation.UPGRADE, target, (snapshot) -> this.graph.planUpgrade(snapshot.knownApplied(), target));
	}

	/**
	 * Downgrades to {@code target} ({@code -1}, {@code base}, an id, {@code label@base},
	 * ...).
	 */
	public RunResult downgrade(String target) {
		return run(Operation.DOWNGRADE, target, (snapshot) -> {
			Plan plan = this.graph.planDowngrade(snapshot.knownApplied(), target);
			snapshot.checkDowngrade(plan);
			return plan;
		});
	}

	private RunResult run(Operation operation, String target, Planner planner) {
		return withRun(operation, target, (connection, tables, progress) -> {
			StateSnapshot snapshot = read(connection, tables);
			progress.fromHeads = snapshot.heads();
			progress.toHeads = progress.fromHeads;
			if (!snapshot.unknown().isEmpty()) {
				logger.warn("The database records revision(s) unknown to the code: {} (it is ahead of the code)",
						String.join(", ", snapshot.unknownIds()));
			}
			Plan plan = plan(snapshot, planner, false);
			if (plan.isEmpty() && snapshot.tablesExist() && !runningKnown(snapshot)) {
				logger.info("Nothing to {}: the database is at {}", operation.columnValue(),
						describeHeads(progress.fromHeads));
				return;
			}
			RunExecutor.checkRunnable(plan, this.revisions, this.configuration.transactionMode(), tables.dialect());
			try (Locked locked = lock(tables)) {
				if (!snapshot.tablesExist()) {
					// Migrations never drops them: seen once, they exist.
					createTables(connection, tables);
				}
				snapshot = readCreated(connection, tables);
				AppliedSet applied = snapshot.appliedSet();
				progress.fromHeads = applied.heads();
				progress.toHeads = progress.fromHeads;
				plan = plan(snapshot, planner, true);
				progress.preparedBy = tables.dialect();
				tables.dialect().prepareWorkConnection(connection);
				try {
					executor(tables.dialect()).lockCheck(locked::lost)
						.execute(connection, plan, this.revisions, applied, progress.steps);
				}
				finally {
					progress.toHeads = applied.heads();
				}
			}
		});
	}

	/**
	 * Whether a revision of this code is marked {@code RUNNING}. One the code does not
	 * know is being run by a newer release (a rolling deploy) or was interrupted there:
	 * either way this instance, ahead of which the database is, has nothing to wait for.
	 */
	private boolean runningKnown(StateSnapshot snapshot) {
		return snapshot.running().keySet().stream().anyMatch(this.revisions::containsKey);
	}

	private Plan plan(StateSnapshot snapshot, Planner planner, boolean underLock) {
		snapshot.checkRunnable(this.configuration.validateChecksums(), this.configuration.onUnknownRevision(),
				this.revisions, underLock);
		return planner.plan(snapshot);
	}

	/**
	 * Records the database as being at {@code targets} without running anything (adopting
	 * an existing database).
	 * @param purge whether to clear the version table first
	 */
	public RunResult stamp(List<String> targets, boolean purge) {
		return withRun(Operation.STAMP, String.join(",", targets), (connection, tables, progress) -> {
			try (Locked locked = lock(tables)) {
				createTables(connection, tables);
				StateSnapshot snapshot = readCreated(connection, tables);
				progress.fromHeads = snapshot.heads();
				StampPlan plan = this.graph.planStamp(purge ? Set.of() : snapshot.knownApplied(), targets, purge);
				AppliedSet after = purge ? snapshot.appliedSet().empty() : snapshot.appliedSet();
				plan.unmark().forEach((revision) -> after.apply(new Step(revision, Direction.DOWNGRADE)));
				plan.mark().forEach((revision) -> after.apply(new Step(revision, Direction.UPGRADE)));
				logger.info("Running stamp_revision {} -> {}", String.join(", ", progress.fromHeads),
						String.join(", ", after.heads()));
				List<String> sql = statements(tables.dialect()).stamp(plan, purge, checksums(), progress.fromHeads,
						after.heads(), Instant.now());
				transaction(connection, sql);
				progress.toHeads = after.heads();
			}
		});
	}

	/**
	 * Clears {@code FAILED} marks (those revisions count as not applied afterwards) and,
	 * with {@code acceptChecksums}, records the code's checksums for changed applied
	 * revisions.
	 */
	public RepairResult repair(boolean acceptChecksums) {
		List<String> cleared = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		withRun(Operation.REPAIR, "", (connection, tables, progress) -> {
			StateSnapshot snapshot = read(connection, tables);
			progress.fromHeads = snapshot.heads();
			progress.toHeads = progress.fromHeads;
			if (snapshot.failed().isEmpty() && snapshot.running().isEmpty()
					&& (!acceptChecksums || snapshot.mismatches().isEmpty())) {
				return;
			}
			try (Locked locked = lock(tables)) {
				snapshot = read(connection, tables);
				StateStatements statements = statements(tables.dialect());
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
				transaction(connection, sql);
				logger.info("Repaired: cleared FAILED {}, accepted checksums of {}", cleared, accepted);
			}
		});
		return new RepairResult(cleared, accepted);
	}

	/**
	 * The database compared with the code; reads only, never takes the lock or creates
	 * anything.
	 */
	public MigrationStatus status() {
		return read((connection, tables) -> {
			StateSnapshot snapshot = readAll(connection, tables);
			boolean runInProgress = !snapshot.running().isEmpty() && lockHeld(connection, tables);
			return status(snapshot, runInProgress);
		});
	}

	/** Whether a run holds the lock now (a revision marked running is being run). */
	private boolean lockHeld(Connection connection, StateTables tables) throws SQLException {
		Optional<MigrationLock> lock = tables.dialect().databaseLock(this.names);
		return (lock.isPresent()) ? lock.get().isHeld(connection) : this.localLock.isLocked();
	}

	private MigrationStatus status(StateSnapshot snapshot, boolean runInProgress) {
		Map<String, AppliedRow> rows = new HashMap<>();
		snapshot.rows().forEach((row) -> rows.put(row.revision(), row));
		List<String> pending;
		if (snapshot.spliced().isEmpty()) {
			pending = this.graph.planUpgrade(snapshot.knownApplied(), "heads")
				.steps()
				.stream()
				.map((step) -> step.revision().id())
				.toList();
		}
		else {
			pending = this.graph.revisions()
				.stream()
				.map(RevisionNode::id)
				.filter((id) -> !snapshot.knownApplied().contains(id))
				.toList();
		}
		List<RevisionStatus> statuses = new ArrayList<>();
		for (RevisionNode node : this.graph.revisions()) {
			ExecutableRevision revision = this.revisions.get(node.id());
			AppliedRow row = rows.get(node.id());
			if (row == null) {
				statuses.add(new RevisionStatus(node.id(), RevisionState.PENDING, node, node.downRevisions(),
						node.message(), null, null, null, revision.checksum(), null,
						snapshot.spliced().containsKey(node.id())));
			}
			else {
				Boolean matches = (row.applied() && row.checksum() != null && revision.checksum() != null)
						? row.checksum().equals(revision.checksum()) : null;
				statuses.add(new RevisionStatus(node.id(), stateOf(row, RevisionState.APPLIED, runInProgress), node,
						node.downRevisions(), node.message(), row.appliedAt(), row.appliedBy(), row.executionTime(),
						row.checksum(), matches, false));
			}
		}
		for (AppliedRow row : snapshot.unknown()) {
			statuses.add(new RevisionStatus(row.revision(), stateOf(row, RevisionState.UNKNOWN, runInProgress), null,
					row.downRevisions(), row.message(), row.appliedAt(), row.appliedBy(), row.executionTime(),
					row.checksum(), null, false));
		}
		MigrationState state;
		if (!snapshot.failed().isEmpty() || (!snapshot.running().isEmpty() && !runInProgress)) {
			state = MigrationState.FAILED;
		}
		else if (!snapshot.spliced().isEmpty()
				|| (this.configuration.validateChecksums() && !snapshot.mismatches().isEmpty())) {
			state = MigrationState.DRIFTED;
		}
		else if (!pending.isEmpty() || runningKnown(snapshot)) {
			state = MigrationState.PENDING;
		}
		else if (!snapshot.unknown().isEmpty()) {
			state = MigrationState.AHEAD;
		}
		else {
			state = MigrationState.UP_TO_DATE;
		}
		return new MigrationStatus(state, snapshot.heads(), this.graph.heads(), pending, statuses);
	}

	private static RevisionState stateOf(AppliedRow row, RevisionState applied, boolean runInProgress) {
		if (row.failed() || (row.running() && !runInProgress)) {
			return RevisionState.FAILED;
		}
		return row.running() ? RevisionState.RUNNING : applied;
	}

	/** The newest {@code limit} rows of the history table, newest first. */
	public List<HistoryEntry> history(int limit) {
		return read((connection, tables) -> tables.readHistory(connection, limit));
	}

	/**
	 * The heads recorded in the database (revisions unknown to the code included); empty
	 * at base.
	 */
	public List<String> currentHeads() {
		return read((connection, tables) -> read(connection, tables).heads());
	}

	/**
	 * Writes the SQL an upgrade from {@code start} to {@code target} would run.
	 * @param start the revisions the script starts from ({@code base}, {@code heads}, an
	 * id, comma-separated ids); {@code null} reads the database's current heads
	 * @throws OfflineSqlException when the plan holds a Java revision
	 */
	public void renderUpgradeSql(@Nullable String start, String target, Writer out) {
		AppliedSet applied = startingPoint(start);
		Plan plan = this.graph.planUpgrade(applied.ids(), target);
		renderer().renderRun(plan, this.revisions, applied, out);
	}

	/** Writes the SQL a downgrade from {@code start} to {@code target} would run. */
	public void renderDowngradeSql(@Nullable String start, String target, Writer out) {
		AppliedSet applied = startingPoint(start);
		Plan plan = this.graph.planDowngrade(applied.ids(), target);
		renderer().renderRun(plan, this.revisions, applied, out);
	}

	/** Writes the SQL a stamp from {@code start} to {@code targets} would run. */
	public void renderStampSql(@Nullable String start, List<String> targets, boolean purge, Writer out) {
		AppliedSet applied = startingPoint(start);
		StampPlan plan = this.graph.planStamp(purge ? Set.of() : applied.ids(), targets, purge);
		renderer().renderStamp(plan, purge, checksums(), applied, out);
	}

	/** {@link #renderUpgradeSql} to a string. */
	public String upgradeSql(@Nullable String start, String target) {
		StringWriter out = new StringWriter();
		renderUpgradeSql(start, target, out);
		return out.toString();
	}

	private OfflineRenderer renderer() {
		DatabaseType type = (this.configuration.databaseType() != null) ? this.configuration.databaseType()
				: DatabaseType.POSTGRESQL;
		Dialect dialect = Dialects.of(type);
		return new OfflineRenderer(dialect, new StateStatements(dialect, this.names, null),
				this.configuration.transactionMode());
	}

	private AppliedSet startingPoint(@Nullable String start) {
		if (start == null) {
			return read((connection, tables) -> {
				StateSnapshot snapshot = read(connection, tables);
				Set<String> applied = snapshot.knownApplied();
				Map<String, List<String>> parents = new LinkedHashMap<>();
				this.revisions.values()
					.stream()
					.filter((revision) -> applied.contains(revision.id()))
					.forEach((revision) -> parents.put(revision.id(), revision.node().downRevisions()));
				return new AppliedSet(parents, this.graph);
			});
		}
		Map<String, List<String>> parents = new LinkedHashMap<>();
		if (!start.isBlank() && !BASE.equals(start.strip())) {
			for (String each : start.split(",")) {
				for (Step step : this.graph.planUpgrade(Set.of(), each.strip()).steps()) {
					parents.put(step.revision().id(), step.revision().downRevisions());
				}
			}
		}
		return new AppliedSet(parents, this.graph);
	}

	private Map<String, String> checksums() {
		Map<String, String> checksums = new HashMap<>();
		this.revisions.values()
			.stream()
			.filter((revision) -> revision.checksum() != null)
			.forEach((revision) -> checksums.put(revision.id(), revision.checksum()));
		return checksums;
	}

	private RunExecutor executor(Dialect dialect) {
		return new RunExecutor(dialect, statements(dialect), this.listeners, this.configuration.transactionMode());
	}

	private StateStatements statements(Dialect dialect) {
		return new StateStatements(dialect, this.names, LocalHost.NAME);
	}

	/** Reads what a run plans from (see {@link StateTables#readForPlanning}). */
	private StateSnapshot read(Connection connection, StateTables tables) throws SQLException {
		boolean exist = tables.exist(connection);
		List<AppliedRow> rows = exist ? tables.readForPlanning(connection) : List.of();
		return StateSnapshot.of(exist, rows, this.graph, this.revisions);
	}

	/** Reads what a run plans from, in tables known to exist (created under the lock). */
	private StateSnapshot readCreated(Connection connection, StateTables tables) throws SQLException {
		return StateSnapshot.of(true, tables.readForPlanning(connection), this.graph, this.revisions);
	}

	/** Reads every column, for the status. */
	private StateSnapshot readAll(Connection connection, StateTables tables) throws SQLException {
		boolean exist = tables.exist(connection);
		List<AppliedRow> rows = exist ? tables.readApplied(connection) : List.of();
		return StateSnapshot.of(exist, rows, this.graph, this.revisions);
	}

	private static void createTables(Connection connection, StateTables tables) throws SQLException {
		if (!tables.exist(connection)) {
			connection.setAutoCommit(false);
			try {
				tables.create(connection);
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			logger.info("Created the state tables {} and {}", tables.versionTable(), tables.historyTable());
		}
	}

	private static void transaction(Connection connection, List<String> sql) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.addBatch(each);
			}
			statement.executeBatch();
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
	}

	private Locked lock(StateTables tables) {
		Duration timeout = this.configuration.lockTimeout();
		long start = System.nanoTime();
		try {
			if (!this.localLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new LockTimeoutException(timeout, LockHolder.unknown());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException("Interrupted while waiting for the migration lock", ex);
		}
		try {
			Duration left = timeout.minusNanos(System.nanoTime() - start);
			MigrationLock.Held held = tables.dialect()
				.databaseLock(this.names)
				.map((lock) -> lock.acquire(writeDataSource(), left.isNegative() ? Duration.ZERO : left,
						this.listeners::lockWaiting))
				.orElse(null);
			return new Locked(held, this.localLock);
		}
		catch (RuntimeException | Error ex) {
			this.localLock.unlock();
			throw ex;
		}
	}

	private <T> T read(ReadAction<T> action) {
		DataSource dataSource = readDataSource();
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			return action.read(connection, new StateTables(dialect, this.names));
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("read the state tables", ex);
		}
	}

	private RunResult withRun(Operation operation, String target, RunAction action) {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		Progress progress = new Progress();
		MigrationsException failure = null;
		this.listeners.runStarted(operation, target);
		try (Connection connection = writeDataSource().getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			try {
				connection.setAutoCommit(true);
				Dialect dialect = Dialects.detect(connection);
				action.run(connection, new StateTables(dialect, this.names), progress);
			}
			finally {
				restore(connection, autoCommit, progress.preparedBy);
			}
		}
		catch (MigrationsException ex) {
			failure = ex;
			throw ex;
		}
		catch (SQLException ex) {
			failure = new DatabaseAccessException(operation.columnValue() + " (state tables "
					+ this.names.versionTable() + ", " + this.names.historyTable() + ")", ex);
			throw failure;
		}
		catch (RuntimeException ex) {
			failure = new MigrationsException("The " + operation.columnValue() + " failed unexpectedly: " + ex, ex);
			throw failure;
		}
		finally {
			RunResult result = new RunResult(operation, progress.fromHeads, progress.toHeads, progress.steps, startedAt,
					Duration.ofNanos(System.nanoTime() - start));
			this.listeners.runFinished(result, failure);
			progress.result = result;
		}
		return progress.result;
	}

	/**
	 * Hands the work connection back as the run got it: no transaction open, the
	 * dialect's settings undone, autocommit as it was.
	 */
	private static void restore(Connection connection, boolean autoCommit, @Nullable Dialect prepared) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			connection.setAutoCommit(true);
			if (prepared != null) {
				prepared.releaseWorkConnection(connection);
			}
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			logger.warn("Could not restore the work connection's settings before handing it back: {}", ex.getMessage());
		}
	}

	private DataSource readDataSource() {
		DataSource dataSource = (this.configuration.dataSource() != null) ? this.configuration.dataSource()
				: this.configuration.migrationDataSource();
		if (dataSource == null) {
			throw new InvalidConfigurationException("dataSource", null,
					"a data source is needed for anything but offline SQL with an explicit start");
		}
		return dataSource;
	}

	private DataSource writeDataSource() {
		return (this.configuration.migrationDataSource() != null) ? this.configuration.migrationDataSource()
				: readDataSource();
	}

	private static String describeHeads(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

	@FunctionalInterface
	private interface Planner {

		Plan plan(StateSnapshot snapshot);

	}

	@FunctionalInterface
	private interface RunAction {

		void run(Connection connection, StateTables tables, Progress progress) throws SQLException;

	}

	@FunctionalInterface
	private interface ReadAction<T> {

		T read(Connection connection, StateTables tables) throws SQLException;

	}

	/**
	 * The host name written to history rows, looked up once per JVM on first use: the
	 * lookup can take milliseconds, and a start with nothing to do writes no history.
	 */
	private static final class LocalHost {

		static final String NAME = localHost();

	}

	/** What a run did so far. */
	private static final class Progress {

		List<String> fromHeads = List.of();

		List<String> toHeads = List.of();

		final List<StepResult> steps = new ArrayList<>();

		/** The dialect that prepared the work connection, if it was. */
		@Nullable Dialect preparedBy;

		@Nullable RunResult result;

	}

	/** The in-JVM lock and, where the database has one, the database lock. */
	private record Locked(MigrationLock.@Nullable Held held, ReentrantLock localLock) implements AutoCloseable {

		@Nullable String lost() {
			return (this.held != null) ? this.held.lost() : null;
		}

		@Override
		public void close() {
			try {
				if (this.held != null) {
					this.held.close();
				}
			}
			finally {
				this.localLock.unlock();
			}
		}

	}

}
