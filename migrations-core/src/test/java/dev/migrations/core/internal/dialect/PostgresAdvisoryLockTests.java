package dev.migrations.core.internal.dialect;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import dev.migrations.core.internal.execution.Database;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresDatabase
class PostgresAdvisoryLockTests {

	private static final TableNames NAMES = new TableNames(null, "migrations_applied", "migrations_history");

	private final PostgresAdvisoryLock lock = new PostgresAdvisoryLock(NAMES);

	private static PGSimpleDataSource dataSource(TestDatabase database, String applicationName) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.jdbcUrl());
		dataSource.setUser(database.user());
		if (database.password() != null) {
			dataSource.setPassword(database.password());
		}
		dataSource.setApplicationName(applicationName);
		return dataSource;
	}

	/** The lock of the default names is keyed on the current schema, public. */
	private static final long PUBLIC_KEY = PostgresAdvisoryLock
		.keyOf(new TableNames("public", "migrations_applied", "migrations_history"));

	private List<Object> advisoryLockPids(TestDatabase database) {
		return advisoryLockPids(database, PUBLIC_KEY);
	}

	private static List<Object> advisoryLockPids(TestDatabase database, long key) {
		return new Database(database.dataSource()).column(
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
						+ "AND classid::bigint = " + (key >>> 32) + " AND objid::bigint = " + (key & 0xFFFFFFFFL));
	}

	@Test
	void aLockWithoutSchemaAndOneNamingTheCurrentSchemaExcludeEachOther(TestDatabase database) {
		PostgresAdvisoryLock explicit = new PostgresAdvisoryLock(
				new TableNames("public", "migrations_applied", "migrations_history"));
		try (MigrationLock.Held held = this.lock.acquire(dataSource(database, "app"), Duration.ZERO,
				(holder, waited) -> {
				})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			int holderPid = (Integer) advisoryLockPids(database).get(0);
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(
					() -> explicit.acquire(dataSource(database, "cli"), Duration.ofMillis(300), (holder, waited) -> {
					}))
				.satisfies((ex) -> assertThat(ex.holder().pid()).isEqualTo(holderPid))
				.satisfies((ex) -> assertThat(ex.holder().applicationName()).isEqualTo("app"));
		}
		try (MigrationLock.Held held = explicit.acquire(dataSource(database, "cli"), Duration.ZERO,
				(holder, waited) -> {
				})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(
					() -> this.lock.acquire(dataSource(database, "app"), Duration.ofMillis(300), (holder, waited) -> {
					}))
				.satisfies((ex) -> assertThat(ex.holder().applicationName()).isEqualTo("cli"));
		}
	}

	@Test
	void aLockWithoutSchemaIsKeyedOnTheSearchPathsSchema(TestDatabase database) throws Exception {
		new Database(database.dataSource()).execute("CREATE SCHEMA IF NOT EXISTS tenant_a");
		PGSimpleDataSource tenant = dataSource(database, "tenant-app");
		tenant.setCurrentSchema("tenant_a");
		long tenantKey = PostgresAdvisoryLock.keyOf(new TableNames("tenant_a", "migrations_applied", "h"));
		try (MigrationLock.Held held = this.lock.acquire(tenant, Duration.ZERO, (holder, waited) -> {
		})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			assertThat(advisoryLockPids(database, tenantKey)).hasSize(1);
			assertThat(advisoryLockPids(database)).isEmpty();
			try (MigrationLock.Held publicHeld = this.lock.acquire(database.dataSource(), Duration.ZERO,
					(holder, waited) -> {
					})) {
				assertThat(publicHeld.lost()).as("the lock is held").isNull();
				assertThat(advisoryLockPids(database)).hasSize(1);
			}
		}
	}

	@Test
	void aSecondRunGivesUpAfterTheTimeoutNamingTheHolder(TestDatabase database) {
		List<LockHolder> reported = new CopyOnWriteArrayList<>();
		try (MigrationLock.Held held = this.lock.acquire(dataSource(database, "holder-app"), Duration.ofSeconds(1),
				(holder, waited) -> {
				})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			int holderPid = (Integer) advisoryLockPids(database).get(0);

			long start = System.nanoTime();
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> this.lock.acquire(dataSource(database, "waiter"), Duration.ofMillis(1200),
						(holder, waited) -> reported.add(holder)))
				.satisfies((ex) -> {
					assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(1200));
					assertThat(ex.holder().pid()).isEqualTo(holderPid);
					assertThat(ex.holder().applicationName()).isEqualTo("holder-app");
					assertThat(ex.holder().user()).isEqualTo(database.user());
					assertThat(ex.holder().backendStart()).isNotNull();
					assertThat(ex.holder().state()).isEqualTo("idle");
					assertThat(ex.getMessage())
						.startsWith("Gave up waiting for the migration lock after PT1.2S: " + "it is held by pid "
								+ holderPid + " (application 'holder-app', user " + database.user())
						.contains("connected since", "idle since", "pg_terminate_backend", "lock-timeout");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1100),
					Duration.ofSeconds(5));
			assertThat(reported).isNotEmpty().allSatisfy((holder) -> assertThat(holder.pid()).isEqualTo(holderPid));
			assertThat(advisoryLockPids(database)).containsExactly(holderPid);
		}
		assertThat(advisoryLockPids(database)).isEmpty();
	}

	@Test
	void aWaitingRunGetsTheLockOnceReleased(TestDatabase database) throws Exception {
		MigrationLock.Held first = this.lock.acquire(database.dataSource(), Duration.ZERO, (holder, waited) -> {
		});
		CompletableFuture<MigrationLock.Held> second = CompletableFuture
			.supplyAsync(() -> this.lock.acquire(database.dataSource(), Duration.ofSeconds(30), (holder, waited) -> {
			}));
		Thread.sleep(500);
		assertThat(second).isNotDone();

		first.close();

		try (MigrationLock.Held held = second.get(10, TimeUnit.SECONDS)) {
			assertThat(held.lost()).as("the lock is held").isNull();
			assertThat(advisoryLockPids(database)).hasSize(1);
		}
		assertThat(advisoryLockPids(database)).isEmpty();
	}

	@Test
	void theServerReleasesTheLockWhenTheHoldingSessionEnds(TestDatabase database) {
		MigrationLock.Held held = this.lock.acquire(database.dataSource(), Duration.ZERO, (holder, waited) -> {
		});
		Object pid = advisoryLockPids(database).get(0);

		new Database(database.dataSource()).execute("SELECT pg_terminate_backend(" + pid + ")");

		try (MigrationLock.Held again = this.lock.acquire(database.dataSource(), Duration.ofSeconds(5),
				(holder, waited) -> {
				})) {
			assertThat(again.lost()).as("the lock is held").isNull();
			assertThat(advisoryLockPids(database)).hasSize(1).doesNotContain(pid);
		}
		held.close(); // its session is gone: releasing only logs a warning
	}

	@Test
	void theLockConnectionHoldsNoOpenTransaction(TestDatabase database) {
		try (MigrationLock.Held held = this.lock.acquire(database.dataSource(), Duration.ZERO, (holder, waited) -> {
		})) {
			assertThat(held.lost()).as("the lock is held").isNull();
			Object pid = advisoryLockPids(database).get(0);
			assertThat(new Database(database.dataSource())
				.column("SELECT state || ':' || coalesce(backend_xid::text, '') || ':' || "
						+ "coalesce(backend_xmin::text, '') FROM pg_stat_activity WHERE pid = " + pid))
				.containsExactly("idle::");
		}
	}

	@Test
	void separateStateTablesHaveSeparateLocks() {
		assertThat(PostgresAdvisoryLock.keyOf(NAMES))
			.isEqualTo(PostgresAdvisoryLock.keyOf(new TableNames(null, "migrations_applied", "other_history")))
			.isNotEqualTo(PostgresAdvisoryLock.keyOf(new TableNames("tenant_a", "migrations_applied", "h")))
			.isNotEqualTo(PostgresAdvisoryLock.keyOf(new TableNames(null, "applied", "h")));
	}

}
