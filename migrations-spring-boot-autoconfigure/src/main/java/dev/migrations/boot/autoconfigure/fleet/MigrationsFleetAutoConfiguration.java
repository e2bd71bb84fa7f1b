package dev.migrations.boot.autoconfigure.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationTargets;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.fleet.MigrationsFleet;
import dev.migrations.boot.health.MigrationsFleetHealthIndicator;
import dev.migrations.boot.metrics.MigrationsFleetMeterBinder;
import dev.migrations.core.Fleet;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of a service's fleet ({@code migrations.fleet.*}): the
 * {@link MigrationTargets} from {@code schemas} or {@code schemas-query} (unless a bean
 * gives them), the {@link MigrationsFleet} with the revisions of
 * {@code migrations.fleet.locations} loaded once, its startup run, the refresh of its
 * results on an interval, the {@code migrationsFleet} health component and the
 * {@code migrations.fleet.targets} metric.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Fleet.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@Conditional(MigrationsFleetAutoConfiguration.FleetCondition.class)
@EnableConfigurationProperties({ MigrationsFleetProperties.class, MigrationsProperties.class })
public final class MigrationsFleetAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsFleetAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	MigrationTargets migrationTargets(MigrationsFleetProperties properties, ObjectProvider<DataSource> dataSource) {
		DataSource shared = dataSource.getIfUnique();
		if (shared == null) {
			throw new IllegalStateException(
					"migrations.fleet.schemas and schemas-query need the application's DataSource; define one, or a "
							+ "MigrationTargets bean");
		}
		List<String> schemas = List.copyOf(properties.getSchemas());
		String query = properties.getSchemasQuery();
		return () -> {
			List<String> names = StringUtils.hasText(query) ? SchemasQuery.run(shared, query) : schemas;
			List<Fleet.Target> targets = new ArrayList<>();
			names.forEach((name) -> targets.add(new Fleet.Target(name, shared, name)));
			return targets;
		};
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsFleet migrationsFleet(MigrationsFleetProperties properties, MigrationsProperties migrations,
			MigrationTargets targets, ResourceLoader resourceLoader) {
		Migrator template = Migrator.create(MigrationsConfiguration.builder()
			.classLoader(resourceLoader.getClassLoader())
			.locations(properties.getLocations())
			.versionTable(migrations.getVersionTable())
			.historyTable(migrations.getHistoryTable())
			.lockTimeout(migrations.getLockTimeout())
			.transactionMode(migrations.getTransactionMode())
			.validateChecksums(migrations.isValidateChecksums())
			.onUnknownRevision(migrations.getOnUnknownRevision())
			.build());
		Fleet fleet = Fleet.builder(template)
			.parallelism(properties.getParallelism())
			.canary(properties.getCanary())
			.maxFailures(properties.getMaxFailures())
			.skipLocked(properties.getLocked() == MigrationsFleetProperties.Locked.SKIP)
			.build();
		return new MigrationsFleet(fleet, targets);
	}

	@Bean
	MigrationsFleetStartup migrationsFleetStartup(MigrationsFleet fleet, MigrationsFleetProperties properties) {
		return new MigrationsFleetStartup(fleet, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("migrationsFleet")
	static final class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrationsFleetHealthIndicator")
		MigrationsFleetHealthIndicator migrationsFleetHealthIndicator(MigrationsFleet fleet) {
			return new MigrationsFleetHealthIndicator(fleet);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static final class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsFleetMeterBinder migrationsFleetMeterBinder(MigrationsFleet fleet) {
			return new MigrationsFleetMeterBinder(fleet);
		}

	}

	/**
	 * Runs the fleet's startup operation once the singletons exist, then reads every
	 * target again on the refresh interval on a thread of its own.
	 */
	static final class MigrationsFleetStartup implements SmartInitializingSingleton, DisposableBean {

		private final MigrationsFleet fleet;

		private final MigrationsFleetProperties properties;

		private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migrations-fleet-refresh");
			thread.setDaemon(true);
			return thread;
		});

		MigrationsFleetStartup(MigrationsFleet fleet, MigrationsFleetProperties properties) {
			this.fleet = fleet;
			this.properties = properties;
		}

		@Override
		public void afterSingletonsInstantiated() {
			switch (this.properties.getOnStartup()) {
				case UPGRADE -> this.fleet.upgrade("heads");
				case VALIDATE -> this.fleet.refresh();
				case NONE -> {
				}
			}
			long interval = Math.max(1, this.properties.getRefreshInterval().toMillis());
			this.refresher.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
		}

		private void refresh() {
			try {
				this.fleet.refresh();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the state of the fleet: {}", ex.getMessage());
			}
		}

		@Override
		public void destroy() {
			this.refresher.shutdownNow();
		}

	}

	/** {@code schemas}, {@code schemas-query} or a {@link MigrationTargets} bean. */
	static final class FleetCondition extends AnyNestedCondition {

		FleetCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("migrations.fleet.schemas")
		static final class Schemas {

		}

		@ConditionalOnProperty("migrations.fleet.schemas-query")
		static final class SchemasQuery {

		}

		@ConditionalOnBean(MigrationTargets.class)
		static final class TargetsBean {

		}

	}

}
