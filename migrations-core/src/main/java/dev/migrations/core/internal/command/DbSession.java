package dev.migrations.core.internal.command;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.InvalidConfigurationException;
import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.RunResult;
import dev.migrations.core.StepResult;
import dev.migrations.core.internal.dialect.Dialect;
import dev.migrations.core.internal.dialect.Dialects;
import dev.migrations.core.internal.dialect.MigrationLock;
import dev.migrations.core.internal.dialect.TableNames;
import dev.migrations.core.internal.execution.Listeners;
import dev.migrations.core.internal.state.StateStatements;
import dev.migrations.core.internal.state.StateTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every operation of a {@code Migrator} runs within: connections from the configured
 * data sources, the dialect detected on them, the migration lock (in the JVM, and in the
 * database where it has one), listeners told of each run, and the work connection handed
 * back as it was given. Thread-safe.
 */
public final class DbSession {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final MigrationsConfiguration configuration;

	private final TableNames names;

	private final Listeners listeners;

	private final ReentrantLock localLock = new ReentrantLock();

	public DbSession(MigrationsConfiguration configuration) {
		this.configuration = configuration;
		this.names = TableNames.of(configuration);
		this.listeners = new Listeners(configuration.listeners());
	}

	MigrationsConfiguration configuration() {
		return this.configuration;
	}

	TableNames names() {
		return this.names;
	}

	Listeners listeners() {
		return this.listeners;
	}

	/** The statements writing state rows on {@code dialect}, with this host's name. */
	StateStatements statements(Dialect dialect) {
		return new StateStatements(dialect, this.names, LocalHost.NAME);
	}

	/**
	 * Runs a changing operation on a connection of the migration data source (in
	 * autocommit while the action runs), telling listeners of its start and result.
	 * @throws MigrationsException what the action threw, or a
	 * {@link DatabaseAccessException}
	 */
	RunResult run(Operation operation, String target, RunAction action) {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		RunProgress progress = new RunProgress();
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
			progress.result = new RunResult(operation, progress.fromHeads, progress.toHeads, progress.steps, startedAt,
					Duration.ofNanos(System.nanoTime() - start));
			this.listeners.runFinished(progress.result, failure);
		}
		return progress.result;
	}

	/**
	 * Reads through a connection of the application's data source (the migration one
	 * without it); never takes the lock.
	 */
	<T> T read(ReadAction<T> action) {
		try (Connection connection = readDataSource().getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			return action.read(connection, new StateTables(dialect, this.names));
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("read the state tables", ex);
		}
	}

	/**
	 * Takes the lock in the JVM, then the database's lock on a connection of its own,
	 * waiting at most the lock timeout for both.
	 * @throws LockTimeoutException naming who holds the lock
	 */
	Locked lock(StateTables tables) {
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

	/** Whether a run holds the lock now (a revision marked running is being run). */
	boolean lockHeld(Connection connection, StateTables tables) throws SQLException {
		Optional<MigrationLock> lock = tables.dialect().databaseLock(this.names);
		return (lock.isPresent()) ? lock.get().isHeld(connection) : this.localLock.isLocked();
	}

	/**
	 * Creates the state tables when missing, in a transaction, logged at {@code INFO}.
	 */
	static void createTablesIfMissing(Connection connection, StateTables tables) throws SQLException {
		createTablesIfMissing(connection, tables, logger::info);
	}

	/**
	 * Creates the state tables when missing, in a transaction, told to {@code progress}.
	 */
	static void createTablesIfMissing(Connection connection, StateTables tables, Consumer<String> progress)
			throws SQLException {
		if (!tables.exist(connection)) {
			transaction(connection, tables::create);
			progress.accept("Created the state tables " + tables.versionTable() + " and " + tables.historyTable());
		}
	}

	/** Runs {@code sql} as one batch in one transaction. */
	static void transaction(Connection connection, List<String> sql) throws SQLException {
		transaction(connection, (each) -> {
			try (Statement statement = each.createStatement()) {
				for (String one : sql) {
					statement.addBatch(one);
				}
				statement.executeBatch();
			}
		});
	}

	private static void transaction(Connection connection, ConnectionWork work) throws SQLException {
		connection.setAutoCommit(false);
		try {
			work.run(connection);
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
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

	/** A changing operation on the work connection. */
	@FunctionalInterface
	interface RunAction {

		void run(Connection connection, StateTables tables, RunProgress progress) throws SQLException;

	}

	/** A read on a connection. */
	@FunctionalInterface
	interface ReadAction<T> {

		T read(Connection connection, StateTables tables) throws SQLException;

	}

	@FunctionalInterface
	private interface ConnectionWork {

		void run(Connection connection) throws SQLException;

	}

	/** What a run did so far: the result reports it even when the run fails. */
	static final class RunProgress {

		List<String> fromHeads = List.of();

		List<String> toHeads = List.of();

		final List<StepResult> steps = new ArrayList<>();

		/** The dialect that prepared the work connection, if it was. */
		@Nullable Dialect preparedBy;

		@Nullable RunResult result;

		void heads(List<String> heads) {
			this.fromHeads = heads;
			this.toHeads = heads;
		}

	}

	/** The in-JVM lock and, where the database has one, the database lock. */
	record Locked(MigrationLock.@Nullable Held held, ReentrantLock localLock) implements AutoCloseable {

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

	/**
	 * The host name written to history rows, looked up once per JVM on first use: the
	 * lookup can take milliseconds, and a start with nothing to do writes no history.
	 */
	private static final class LocalHost {

		static final String NAME = localHost();

	}

}
