package dev.migrations.core.internal.autogenerate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.internal.command.DbRun;
import dev.migrations.core.internal.command.DbSession;
import dev.migrations.core.internal.source.RevisionLoader;
import dev.migrations.core.internal.source.RevisionSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One autogenerate run, in two parts. {@link #start} begins the work that needs no model,
 * on threads of its own: it creates the scratch databases M and H side by side, upgrades
 * the revisions to the parents in H and reads H's catalog, while the caller builds the
 * model (Hibernate's bootstrap). {@link #compare} then loads the model into M, reads it,
 * compares it with H, writes the difference as an upgrade and a downgrade and checks the
 * round trip in H (the upgrade must give M's catalog, the downgrade H's again); M is
 * dropped once read, H once the round trip is done, both in the background.
 * {@link #close} waits for all of it and drops what is left, whatever happened; a
 * shutdown hook does the same if the JVM exits before {@code close}.
 * <p>
 * A failure of the background work is thrown by {@code compare}, as it was thrown there
 * (the same exception), in the order the work would have failed one step after another:
 * the scratch databases, then the model, then the revisions.
 */
public final class AutogenerateRun implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AutogenerateRun.class);

	private final MigrationsConfiguration configuration;

	private final List<String> parents;

	private final ScratchDatabases scratch;

	private final SchemaComparison comparison;

	private final PhaseTimes times = new PhaseTimes();

	private final CompletableFuture<Void> modelCreated;

	private final CompletableFuture<Void> headsCreated = new CompletableFuture<>();

	private final CompletableFuture<Heads> headsRead = new CompletableFuture<>();

	private volatile @Nullable CompletableFuture<Void> modelDropped;

	private volatile @Nullable CompletableFuture<Void> headsDropped;

	private final Thread shutdownHook;

	private volatile boolean closing;

	private boolean closed;

	private AutogenerateRun(MigrationsConfiguration configuration, DatabaseUrl server, List<String> parents,
			boolean dropUnmappedTables) {
		this.configuration = configuration;
		this.parents = List.copyOf(parents);
		checkSupported(configuration.databaseType(), "the application's database");
		this.scratch = ScratchDatabases.on(server);
		Set<String> stateTables = Set.of(configuration.versionTable(), configuration.historyTable());
		this.comparison = new SchemaComparison(configuration.schema(), stateTables, dropUnmappedTables);
		this.shutdownHook = new Thread(this::close, "migrations-scratch-cleanup");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		this.modelCreated = async("migrations-scratch-model", () -> {
			PhaseTimes.Clock clock = this.times.clock();
			this.scratch.createModel();
			clock.mark(PhaseTimes.CREATE);
			return null;
		});
		Thread heads = new Thread(this::prepareHeads, "migrations-scratch-heads");
		heads.setDaemon(true);
		heads.start();
	}

	/**
	 * Starts a run: the revisions are upgraded to {@code parents} (none: the schema of an
	 * empty database) in H while the caller builds the model.
	 * @throws Autogenerate.DatabaseNotSupportedException when the configuration's
	 * database or the server is MariaDB or MySQL
	 * @throws Autogenerate.ScratchDatabaseException when the server is of another kind
	 * than PostgreSQL or H2
	 */
	public static AutogenerateRun start(MigrationsConfiguration configuration, DatabaseUrl server, List<String> parents,
			boolean dropUnmappedTables) {
		return new AutogenerateRun(configuration, server, parents, dropUnmappedTables);
	}

	private static void checkSupported(@Nullable DatabaseType type, String what) {
		if (type == DatabaseType.MARIADB || type == DatabaseType.MYSQL) {
			throw new Autogenerate.DatabaseNotSupportedException(type, what);
		}
	}

	/** H's part, on its own thread: created, upgraded, read. */
	private void prepareHeads() {
		PhaseTimes.Clock clock = this.times.clock();
		try {
			this.scratch.createHeads();
			clock.mark(PhaseTimes.CREATE);
			this.headsCreated.complete(null);
		}
		catch (Throwable ex) {
			this.headsCreated.completeExceptionally(ex);
			this.headsRead.completeExceptionally(ex);
			return;
		}
		try {
			if (this.closing) {
				throw new IllegalStateException("The autogenerate run was closed");
			}
			MigrationsConfiguration heads = this.configuration.toBuilder()
				.dataSource(this.scratch.heads())
				.migrationDataSource(null)
				.listeners(List.of())
				.build();
			RevisionSet revisions = new RevisionSet(
					new RevisionLoader(heads.classLoader(), heads.javaRevisions()).load(heads.locations()));
			Set<String> ids = revisions.graph().revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
			String name = this.scratch.headsName();
			DbRun run = DbRun.scratch(new DbSession(heads), revisions,
					(line) -> logger.debug("Scratch database {}: {}", name, line));
			for (String parent : this.parents) {
				if (this.closing) {
					throw new IllegalStateException("The autogenerate run was closed");
				}
				run.upgrade(parent);
			}
			clock.mark(PhaseTimes.UPGRADE);
			Catalog catalog = this.comparison.catalog(this.scratch.heads());
			clock.mark(PhaseTimes.HEADS_CATALOG);
			this.headsRead.complete(new Heads(catalog, ids));
		}
		catch (Throwable ex) {
			this.headsRead.completeExceptionally(ex);
		}
	}

	/** The scratch databases of this run (for tests). */
	ScratchDatabases scratch() {
		return this.scratch;
	}

	/**
	 * Compares {@code model} (its name for messages: {@code modelSource}) with the
	 * revisions, once the work begun by {@link #start} is done.
	 * @throws Autogenerate.ScratchDatabaseException when the scratch databases could not
	 * be created
	 * @throws dev.migrations.core.MigrationsException when the model fails in M, or a
	 * revision in H
	 */
	public Outcome compare(String model, String modelSource) {
		PhaseTimes.Clock clock = this.times.clock();
		await(this.modelCreated);
		await(this.headsCreated);
		clock.mark(PhaseTimes.WAIT);
		logger.info("Comparing {} with the revisions in the scratch databases {}", modelSource,
				this.scratch.describe());
		ScriptRunner.run(this.scratch.model(), model, modelSource);
		clock.mark(PhaseTimes.MODEL);
		Catalog after = this.comparison.catalog(this.scratch.model());
		clock.mark(PhaseTimes.CATALOGS);
		this.modelDropped = drop(this.scratch::dropModel);
		Heads heads = await(this.headsRead);
		clock.mark(PhaseTimes.WAIT);
		SchemaChanges changes = this.comparison.compare(heads.catalog(), after);
		if (changes.isEmpty()) {
			clock.mark(PhaseTimes.PLAN);
			this.headsDropped = drop(this.scratch::dropHeads);
			return new Outcome("", "", changes.kept(), changes.unmappedTables(), null, heads.ids(), this.times);
		}
		String upgrade = changes.upgrade();
		String downgrade = changes.downgrade();
		clock.mark(PhaseTimes.PLAN);
		String failure = roundTrip(this.comparison, this.scratch.heads(), heads.catalog(), after, upgrade, downgrade,
				clock);
		this.headsDropped = drop(this.scratch::dropHeads);
		if (failure != null) {
			upgrade = "-- WARNING: round trip failed: " + failure.replace('\n', ' ') + "\n" + upgrade;
		}
		return new Outcome(upgrade, downgrade, changes.kept(), changes.unmappedTables(), failure, heads.ids(),
				this.times);
	}

	/**
	 * Upgrades H with the new revision, compares it with M, downgrades it and compares it
	 * with H's catalog before.
	 * @return what went wrong, or {@code null}
	 */
	private static @Nullable String roundTrip(SchemaComparison comparison, DataSource heads, Catalog before,
			Catalog model, String upgrade, String downgrade, PhaseTimes.Clock clock) {
		try {
			ScriptRunner.run(heads, upgrade, "the generated upgrade");
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		clock.mark(PhaseTimes.ROUND_TRIP);
		Catalog upgraded = comparison.catalog(heads);
		clock.mark(PhaseTimes.CATALOGS);
		SchemaChanges left = comparison.compare(upgraded, model);
		clock.mark(PhaseTimes.PLAN);
		if (!left.isEmpty()) {
			return "after the upgrade the schema still differs from the model: " + left.summary();
		}
		try {
			ScriptRunner.run(heads, downgrade, "the generated downgrade");
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		clock.mark(PhaseTimes.ROUND_TRIP);
		Catalog downgraded = comparison.catalog(heads);
		clock.mark(PhaseTimes.CATALOGS);
		String difference = SchemaComparison.difference(before, downgraded);
		if (difference != null) {
			return "after the downgrade the schema differs from the revisions' schema: " + difference;
		}
		return null;
	}

	/**
	 * Waits for the background work and the drops, then drops what is left (both
	 * databases when {@link #compare} was never called or failed). Never throws: a
	 * database that cannot be dropped is logged.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closing = true;
		PhaseTimes.Clock clock = this.times.clock();
		quietly(this.modelCreated);
		quietly(this.headsRead);
		clock.mark(PhaseTimes.WAIT);
		quietly(this.modelDropped);
		quietly(this.headsDropped);
		clock = this.times.clock();
		this.scratch.close();
		clock.mark(PhaseTimes.DROP);
		this.closed = true;
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down: the hook runs, and finds this run closed
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Autogenerate took {}", this.times.describe());
		}
	}

	private CompletableFuture<Void> drop(Runnable drop) {
		return async("migrations-scratch-drop", () -> {
			PhaseTimes.Clock clock = this.times.clock();
			drop.run();
			clock.mark(PhaseTimes.DROP);
			return null;
		});
	}

	/** Runs {@code work} on a new daemon thread named {@code name}. */
	private static <T> CompletableFuture<T> async(String name, Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** The value of {@code future}, or what it failed with, thrown as it was thrown. */
	private static <T> T await(CompletableFuture<T> future) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return future.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					throw rethrown(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static RuntimeException rethrown(@Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

	private static void quietly(@Nullable CompletableFuture<?> future) {
		if (future == null) {
			return;
		}
		try {
			await(future);
		}
		catch (RuntimeException ex) {
			// thrown by compare, or of no interest once the run is over
		}
	}

	/** H once upgraded: its catalog and the ids of the revisions. */
	private record Heads(Catalog catalog, Set<String> ids) {

	}

	/**
	 * What a run found.
	 *
	 * @param upgrade the upgrade section, empty when nothing differs
	 * @param downgrade the downgrade section
	 * @param kept objects the model cannot express, kept
	 * @param unmappedTables tables the model does not map
	 * @param roundTripFailure why the round trip failed, or {@code null}
	 * @param revisionIds the ids of the revisions, taken
	 * @param times where the run spent its time, phase by phase (complete once the run is
	 * closed)
	 */
	public record Outcome(String upgrade, String downgrade, List<String> kept, List<String> unmappedTables,
			@Nullable String roundTripFailure, Set<String> revisionIds, PhaseTimes times) {

	}

}
