package dev.migrations.boot.metrics;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionFailedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationsMeterBinder} and {@link MigrationsMetricsListener} after real runs on
 * H2.
 */
class MigrationsMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void gaugesCountPendingAndAppliedRevisions() {
		DataSource dataSource = h2("gauges");
		Migrator migrator = migrator(dataSource, "classpath:revisions/todo",
				new MigrationsMetricsListener(this.registry));
		migrator.upgrade("001");
		new MigrationsMeterBinder(Map.of("migrator", migrator)).bindTo(this.registry);
		assertThat(this.registry.get("migrations.pending").tag("name", "migrator").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("migrations.applied").tag("name", "migrator").gauge().value()).isEqualTo(1);

		SimpleMeterRegistry later = new SimpleMeterRegistry();
		migrator.upgrade("heads");
		new MigrationsMeterBinder(Map.of("migrator", migrator)).bindTo(later);
		assertThat(later.get("migrations.pending").gauge().value()).isZero();
		assertThat(later.get("migrations.applied").gauge().value()).isEqualTo(2);
	}

	@Test
	void gaugesKeepTheirValuesAfterTheGarbageCollectorRan() {
		Migrator migrator = migrator(h2("collected"), "classpath:revisions/todo");
		migrator.upgrade("001");
		new MigrationsMeterBinder(Map.of("migrator", migrator)).bindTo(this.registry);
		collectGarbage();
		assertThat(this.registry.get("migrations.pending").tag("name", "migrator").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("migrations.applied").tag("name", "migrator").gauge().value()).isEqualTo(1);
	}

	@Test
	void gaugesAreNotANumberWhenTheDatabaseIsUnreachable() {
		org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
		unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
		new MigrationsMeterBinder(Map.of("migrator", migrator(unreachable, "classpath:revisions/todo")))
			.bindTo(this.registry);
		assertThat(this.registry.get("migrations.pending").gauge().value()).isNaN();
	}

	@Test
	void timesRunsAndRevisionsByDirectionAndOutcome() {
		Migrator migrator = migrator(h2("timers"), "classpath:revisions/todo",
				new MigrationsMetricsListener(this.registry));
		migrator.upgrade("heads");
		migrator.downgrade("001");
		assertThat(
				this.registry.get("migrations.runs").tags("direction", "upgrade", "outcome", "success").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get("migrations.runs")
			.tags("direction", "downgrade", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("migrations.revisions")
			.tags("direction", "upgrade", "outcome", "success")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.registry.get("migrations.revisions")
			.tags("direction", "downgrade", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("migrations.runs").timers()).allSatisfy(
				(timer) -> assertThat(timer.getId().getTags()).extracting("key").containsOnly("direction", "outcome"));
	}

	@Test
	void timesFailedRunsAndRevisions() {
		Migrator migrator = migrator(h2("failures"), "classpath:revisions/failing",
				new MigrationsMetricsListener(this.registry));
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		assertThat(
				this.registry.get("migrations.runs").tags("direction", "upgrade", "outcome", "failure").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get("migrations.revisions")
			.tags("direction", "upgrade", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("migrations.revisions")
			.tags("direction", "upgrade", "outcome", "failure")
			.timer()
			.count()).isEqualTo(1);
	}

	/**
	 * Runs full collections until an object only weakly reachable is collected: then
	 * whatever a gauge held only weakly is gone too.
	 */
	private static void collectGarbage() {
		WeakReference<Object> canary = new WeakReference<>(new Object());
		for (int attempt = 0; attempt < 100 && canary.get() != null; attempt++) {
			System.gc();
		}
		assertThat(canary.get()).as("an object only weakly reachable, after 100 calls of System.gc()").isNull();
	}

	private static Migrator migrator(DataSource dataSource, String location, MigrationListener... listeners) {
		return Migrator.create(MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.locations(location)
			.listeners(List.of(listeners))
			.build());
	}

	private static JdbcDataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:metrics_" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		return dataSource;
	}

}
