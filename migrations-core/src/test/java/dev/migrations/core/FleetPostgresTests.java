package dev.migrations.core;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.migrations.core.Fleet.TargetResult;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A fleet of tenant schemas in one PostgreSQL database: each target its own state tables
 * and lock, the revisions loaded once, canaries, the failure budget, shards, bounded
 * connections.
 */
@PostgresDatabase
class FleetPostgresTests {

	private static final int TENANTS = 40;

	@TempDir
	Path folder;

	private RevisionFiles files;

	private Database db;

	private PeakDataSource connections;

	@BeforeEach
	void tenants(TestDatabase database) {
		this.db = new Database(database.dataSource());
		this.db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
		List<Object> schemas = this.db.column("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
		schemas.forEach((schema) -> this.db.execute("DROP SCHEMA \"" + schema + "\" CASCADE"));
		this.files = new RevisionFiles(this.folder.resolve("revisions"));
		this.files.write("001", "", "accounts", "CREATE TABLE accounts (id INT PRIMARY KEY);", "DROP TABLE accounts;");
		this.connections = new PeakDataSource(database.dataSource());
	}

	@Test
	void upgradesEveryTenantSchemaWithItsOwnStateThenFindsThemUpToDate() {
		Fleet fleet = fleet(Fleet.builder(migrator()).parallelism(4));

		List<TargetResult> first = fleet.upgrade(targets(), "heads");

		assertThat(first).hasSize(TENANTS).allSatisfy((result) -> {
			assertThat(result.status()).isEqualTo(TargetResult.Status.UPGRADED);
			assertThat(result.headsBefore()).isEmpty();
			assertThat(result.headsAfter()).containsExactly("001");
			assertThat(result.applied()).containsExactly("001");
		});
		assertThat(this.db
			.value("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts' AND schemaname LIKE 't\\_%'"))
			.isEqualTo((long) TENANTS);
		assertThat(this.db
			.value("SELECT count(*) FROM pg_tables WHERE tablename = 'migrations_applied' AND schemaname LIKE 't\\_%'"))
			.isEqualTo((long) TENANTS);
		assertThat(this.db.column("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
			.as("nothing in public")
			.isEmpty();
		assertThat(this.connections.peak.get()).as("connections open at once").isLessThanOrEqualTo(2 * 4);
		assertThat(this.connections.open.get()).as("connections left open").isZero();

		List<TargetResult> second = fleet.upgrade(targets(), "heads");

		assertThat(second).extracting(TargetResult::status).containsOnly(TargetResult.Status.UP_TO_DATE);
		assertThat(this.db.value("SELECT count(*) FROM t_0007.migrations_history")).isEqualTo(1L);
	}

	@Test
	void theRevisionsAreLoadedOnceAndANewRevisionReachesEveryTenant() {
		fleet(Fleet.builder(migrator())).upgrade(targets(), "heads");
		this.files.write("002", "001", "notes", "CREATE TABLE notes (id INT);", "DROP TABLE notes;");
		Fleet fleet = fleet(Fleet.builder(migrator()).parallelism(8));
		this.files.write("003", "002", "written after the fleet loaded its revisions", "CREATE TABLE late (id INT);",
				"DROP TABLE late;");

		List<TargetResult> results = fleet.upgrade(targets(), "heads");

		assertThat(results).allSatisfy((result) -> {
			assertThat(result.status()).isEqualTo(TargetResult.Status.UPGRADED);
			assertThat(result.headsBefore()).containsExactly("001");
			assertThat(result.applied()).containsExactly("002");
		});
		assertThat(this.db.value("SELECT count(*) FROM pg_tables WHERE tablename = 'notes'")).isEqualTo((long) TENANTS);
		assertThat(this.db.value("SELECT count(*) FROM pg_tables WHERE tablename = 'late'")).isEqualTo(0L);
	}

	@Test
	void aPoisonedTenantFailsWithItsRevisionFileAndLineWhileTheOthersUpgrade() {
		fleet(Fleet.builder(migrator())).upgrade(targets(), "heads");
		this.db.execute("CREATE TABLE t_0013.notes (id INT)");
		Path file = this.files.write("002", "001", "notes", "SELECT 1;\nCREATE TABLE notes (id INT);",
				"DROP TABLE notes;");

		List<TargetResult> results = fleet(Fleet.builder(migrator()).maxFailures(5)).upgrade(targets(), "heads");

		TargetResult poisoned = results.get(12);
		assertThat(poisoned.target()).isEqualTo("t_0013");
		assertThat(poisoned.status()).isEqualTo(TargetResult.Status.FAILED);
		assertThat(poisoned.headsBefore()).containsExactly("001");
		assertThat(poisoned.headsAfter()).containsExactly("001");
		assertThat(poisoned.failure()).isNotNull();
		assertThat(poisoned.failure().revision()).isEqualTo("002");
		assertThat(poisoned.failure().file()).isEqualTo("filesystem:" + file);
		assertThat(poisoned.failure().line()).isEqualTo(8);
		assertThat(poisoned.failure().sqlState()).isEqualTo("42P07");
		assertThat(results).filteredOn((result) -> result != poisoned)
			.extracting(TargetResult::status)
			.containsOnly(TargetResult.Status.UPGRADED);
		assertThat(this.db.column("SELECT revision FROM t_0013.migrations_applied")).containsExactly("001");
	}

	@Test
	void afterTheFailureBudgetNoFurtherTenantStarts() {
		fleet(Fleet.builder(migrator())).upgrade(targets(), "heads");
		this.db.execute("CREATE TABLE t_0002.notes (id INT)");
		this.files.write("002", "001", "notes", "CREATE TABLE notes (id INT);", "DROP TABLE notes;");

		List<TargetResult> results = fleet(Fleet.builder(migrator()).parallelism(1)).upgrade(targets(), "heads");

		assertThat(results).extracting(TargetResult::status)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, TENANTS)
				.mapToObj((n) -> (n == 1) ? TargetResult.Status.UPGRADED
						: (n == 2) ? TargetResult.Status.FAILED : TargetResult.Status.SKIPPED)
				.toList());
		assertThat(this.db.column("SELECT schemaname FROM pg_tables WHERE tablename = 'notes' ORDER BY 1"))
			.containsExactly("t_0001", "t_0002");
	}

	@Test
	void aFailingCanaryStopsBeforeAnyOtherTenantIsTouched() {
		fleet(Fleet.builder(migrator())).upgrade(targets(), "heads");
		this.db.execute("CREATE TABLE t_0030.notes (id INT)");
		this.files.write("002", "001", "notes", "CREATE TABLE notes (id INT);", "DROP TABLE notes;");

		List<TargetResult> results = fleet(Fleet.builder(migrator()).canary(List.of("t_0005", "t_0030", "t_0031")))
			.upgrade(targets(), "heads");

		assertThat(results.get(4).status()).isEqualTo(TargetResult.Status.UPGRADED);
		assertThat(results.get(29).status()).isEqualTo(TargetResult.Status.FAILED);
		assertThat(results).filteredOn((result) -> !Set.of("t_0005", "t_0030").contains(result.target()))
			.extracting(TargetResult::status)
			.containsOnly(TargetResult.Status.SKIPPED);
		assertThat(this.db.column("SELECT schemaname FROM pg_tables WHERE tablename = 'notes' ORDER BY 1"))
			.containsExactly("t_0005", "t_0030");
		assertThat(this.db.value("SELECT count(*) FROM t_0031.migrations_history")).isEqualTo(1L);
	}

	@Test
	void statusReadsEveryTenantAndFindsTheDriftedOne() {
		fleet(Fleet.builder(migrator())).upgrade(targets(), "heads");
		this.db.execute("UPDATE t_0021.migrations_applied SET checksum = 'edited'");

		List<TargetResult> results = fleet(Fleet.builder(migrator())).status(targets());

		assertThat(results.get(20).status()).isEqualTo(TargetResult.Status.DRIFTED);
		assertThat(results.get(20).state()).isEqualTo(MigrationState.DRIFTED);
		assertThat(results).filteredOn((result) -> !result.target().equals("t_0021"))
			.extracting(TargetResult::status)
			.containsOnly(TargetResult.Status.UP_TO_DATE);

		List<TargetResult> upgrade = fleet(Fleet.builder(migrator()).maxFailures(TENANTS)).upgrade(targets(), "heads");

		assertThat(upgrade.get(20).status()).isEqualTo(TargetResult.Status.DRIFTED);
		assertThat(upgrade.get(20).failure().revision()).isEqualTo("001");
	}

	@Test
	void fourShardsCoverEveryTargetExactlyOnce() {
		List<String> ids = IntStream.rangeClosed(1, 5000).mapToObj((n) -> String.format("t_%04d", n)).toList();
		List<String> covered = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		for (int shard = 0; shard < 4; shard++) {
			int index = shard;
			List<String> inShard = ids.stream().filter((id) -> Fleet.inShard(id, index, 4)).toList();
			covered.addAll(inShard);
			sizes.add(inShard.size());
		}
		assertThat(covered).hasSize(ids.size());
		assertThat(new HashSet<>(covered)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(sizes).allSatisfy((size) -> assertThat(size).isBetween(1150, 1350));
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> Fleet.inShard("a", 4, 4))
			.withMessageContaining("4/4");
	}

	@Test
	void withSkipLockedATenantAnotherRunHoldsIsSkippedNotFailed(TestDatabase database) throws Exception {
		this.files.write("002", "001", "slow",
				"SELECT pg_sleep(coalesce(current_setting('fleet_test.sleep', true), '0')::float);", "SELECT 1;");
		Migrator holder = fleet(Fleet.builder(migrator()))
			.migrator(new Fleet.Target("t_0001", new SleepingDataSource(database.dataSource()), "t_0001"));
		Thread run = new Thread(() -> {
			try {
				holder.upgrade("heads");
			}
			catch (MigrationsException ex) {
				// cancelled below
			}
		});
		run.start();
		while (this.db.column(
				"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'")
			.isEmpty()) {
			assertThat(run.isAlive()).as("the holding run is alive").isTrue();
			Thread.sleep(50);
		}

		List<TargetResult> results = fleet(Fleet.builder(migrator()).skipLocked(true)).upgrade(targets().subList(0, 3),
				"heads");

		this.db.column(
				"SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'");
		run.join();
		assertThat(results).extracting(TargetResult::status)
			.containsExactly(TargetResult.Status.SKIPPED, TargetResult.Status.UPGRADED, TargetResult.Status.UPGRADED);
		assertThat(results.get(0).failure()).isNull();
	}

	@Test
	void aCanaryThatIsNoTargetIsRefused() {
		Fleet fleet = fleet(Fleet.builder(migrator()).canary(List.of("t_9999")));

		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> fleet.upgrade(targets(), "heads"))
			.withMessageContaining("t_9999");
		assertThat(this.db.column("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'")).isEmpty();
	}

	private Migrator migrator() {
		return Migrator.create(MigrationsConfiguration.builder().locations(this.files.location()).build());
	}

	private static Fleet fleet(Fleet.Builder builder) {
		return builder.build();
	}

	private List<Fleet.Target> targets() {
		return IntStream.rangeClosed(1, TENANTS)
			.mapToObj((n) -> String.format("t_%04d", n))
			.map((id) -> new Fleet.Target(id, this.connections, id))
			.toList();
	}

	/** Sets {@code fleet_test.sleep} on each connection: its revisions sleep a minute. */
	static final class SleepingDataSource extends PeakDataSource {

		SleepingDataSource(DataSource delegate) {
			super(delegate);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			try (var statement = connection.createStatement()) {
				statement.execute("SET fleet_test.sleep = '60'");
			}
			return connection;
		}

	}

	/** Counts the connections open now and the most open at once. */
	static class PeakDataSource implements DataSource {

		private final DataSource delegate;

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger peak = new AtomicInteger();

		PeakDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = this.delegate.getConnection();
			int now = this.open.incrementAndGet();
			this.peak.accumulateAndGet(now, Math::max);
			AtomicInteger closed = new AtomicInteger();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
							this.open.decrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new UnsupportedOperationException();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
