package dev.migrations.core;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.internal.command.DbLint;
import dev.migrations.core.internal.command.DbOfflineSql;
import dev.migrations.core.internal.command.DbRepair;
import dev.migrations.core.internal.command.DbRun;
import dev.migrations.core.internal.command.DbSession;
import dev.migrations.core.internal.command.DbStamp;
import dev.migrations.core.internal.command.DbStatus;
import dev.migrations.core.internal.source.RevisionScript;
import dev.migrations.core.internal.source.RevisionSet;
import org.jspecify.annotations.Nullable;

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

	private final MigrationsConfiguration configuration;

	private final RevisionSet revisions;

	private final List<RevisionInfo> infos;

	private final DbRun runs;

	/** The session the other operations are created on, when first called. */
	private final DbSession session;

	private Migrator(MigrationsConfiguration configuration, RevisionSet revisions) {
		this.configuration = configuration;
		this.revisions = revisions;
		List<RevisionInfo> infos = new ArrayList<>(revisions.scripts().size());
		for (RevisionScript script : revisions.scripts()) {
			infos.add(new RevisionInfo(script.node(), script.checksum(), script.createDate(), script.transactional()));
		}
		this.infos = List.copyOf(infos);
		DbSession session = new DbSession(configuration);
		this.runs = new DbRun(session, revisions);
		this.session = session;
	}

	/**
	 * Loads the revisions of the configured locations and Java revisions, and checks
	 * their graph.
	 * @throws MigrationsException when a revision cannot be loaded or the graph is
	 * invalid
	 */
	public static Migrator create(MigrationsConfiguration configuration) {
		return new Migrator(configuration, new RevisionSet(RevisionLoading.load(configuration)));
	}

	/**
	 * A migrator of the same revisions (loaded and checksummed once, by this one) with
	 * other settings: what a {@link Fleet} runs each target with. The locations, Java
	 * revisions and class loader of {@code configuration} are not read again.
	 */
	Migrator with(MigrationsConfiguration configuration) {
		return new Migrator(configuration, this.revisions);
	}

	public MigrationsConfiguration configuration() {
		return this.configuration;
	}

	/** The revision graph of the code, for read-only use. */
	public RevisionGraph graph() {
		return this.revisions.graph();
	}

	/** The revisions of the code in load order. */
	public List<RevisionInfo> revisions() {
		return this.infos;
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
		return this.runs.upgrade(target);
	}

	/**
	 * Downgrades to {@code target} ({@code -1}, {@code base}, an id, {@code label@base},
	 * ...); throws as {@link #upgrade} does.
	 */
	public RunResult downgrade(String target) {
		return this.runs.downgrade(target);
	}

	/**
	 * Records the database as being at {@code targets} without running anything (adopting
	 * an existing database).
	 * @param purge whether to clear the version table first
	 */
	public RunResult stamp(List<String> targets, boolean purge) {
		return new DbStamp(this.session, this.revisions).stamp(targets, purge);
	}

	/**
	 * Clears {@code FAILED} marks (those revisions count as not applied afterwards) and,
	 * with {@code acceptChecksums}, records the code's checksums for changed applied
	 * revisions.
	 */
	public RepairResult repair(boolean acceptChecksums) {
		return new DbRepair(this.session, this.revisions).repair(acceptChecksums);
	}

	/**
	 * The database compared with the code; reads only, never takes the lock or creates
	 * anything.
	 */
	public MigrationStatus status() {
		return statusReader().status();
	}

	/** The newest {@code limit} rows of the history table, newest first. */
	public List<HistoryEntry> history(int limit) {
		return statusReader().history(limit);
	}

	/**
	 * The heads recorded in the database (revisions unknown to the code included); empty
	 * at base.
	 */
	public List<String> currentHeads() {
		return statusReader().currentHeads();
	}

	/**
	 * Writes the SQL an upgrade from {@code start} to {@code target} would run.
	 * @param start the revisions the script starts from ({@code base}, {@code heads}, an
	 * id, comma-separated ids); {@code null} reads the database's current heads
	 * @return what the script does: its steps and the heads before and after
	 * @throws OfflineSqlException when the plan holds a Java revision
	 */
	public RunResult renderUpgradeSql(@Nullable String start, String target, Writer out) {
		return offlineSql().upgrade(start, target, out);
	}

	/** Writes the SQL a downgrade from {@code start} to {@code target} would run. */
	public RunResult renderDowngradeSql(@Nullable String start, String target, Writer out) {
		return offlineSql().downgrade(start, target, out);
	}

	/** Writes the SQL a stamp from {@code start} to {@code targets} would run. */
	public RunResult renderStampSql(@Nullable String start, List<String> targets, boolean purge, Writer out) {
		return offlineSql().stamp(start, targets, purge, out);
	}

	/**
	 * Lints the upgrade statements of SQL revisions: the changes that block a busy
	 * PostgreSQL's traffic or break the release still running during a rolling deploy.
	 * Reads files only, never the database. Revisions written for MariaDB or MySQL (the
	 * configured database type) are not linted: the rules are PostgreSQL's.
	 * @param revisions identifiers ({@code heads}, ids, prefixes, {@code label@head},
	 * ...); each names the revisions it resolves to, not their ancestors; empty lints
	 * every revision
	 * @return the findings in load order, then statement order
	 * @throws RevisionFileException when a revision's {@code lint_ignore} names no rule
	 */
	public List<LintFinding> lint(List<String> revisions) {
		return linter().lint(revisions);
	}

	/**
	 * Lints the revisions an upgrade to {@code heads} would run on the database (reads
	 * its state, as {@link #status()} does).
	 */
	public List<LintFinding> lintPending() {
		return linter().lintIds(status().pending());
	}

	/**
	 * Lints a revision not yet written, such as autogenerate's output, against the
	 * revisions of this migrator (its down revisions and dependencies are its ancestors).
	 * @param revision the revision
	 * @param source the file it will be written to, for the findings
	 */
	public List<LintFinding> lint(NewRevision revision, String source) {
		return linter().lint(revision, source);
	}

	// The operations other than runs are created when called: an application start
	// runs only an upgrade, and a class not loaded is time a starting JVM saves.

	private DbStatus statusReader() {
		return new DbStatus(this.session, this.revisions);
	}

	private DbOfflineSql offlineSql() {
		return new DbOfflineSql(this.session, this.revisions, statusReader());
	}

	private DbLint linter() {
		return new DbLint(this.configuration, this.revisions);
	}

	/** {@link #renderUpgradeSql} to a string. */
	public String upgradeSql(@Nullable String start, String target) {
		StringWriter out = new StringWriter();
		renderUpgradeSql(start, target, out);
		return out.toString();
	}

}
