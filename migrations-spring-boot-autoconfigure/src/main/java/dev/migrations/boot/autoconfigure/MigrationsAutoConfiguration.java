package dev.migrations.boot.autoconfigure;

import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.JavaRevision;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of Migrations: a {@link Migrator} for the application's
 * {@link DataSource} (or a dedicated connection) and the startup run, before the beans
 * that use the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration")
@ConditionalOnClass({ Migrator.class, DataSourceBuilder.class, SimpleDriverDataSource.class })
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsInitializer migrationsInitializer(Migrator migrator, MigrationsProperties properties,
			ObjectProvider<MigrationsStartupStrategy> strategy, ApplicationEventPublisher publisher,
			ObjectProvider<ApplicationAvailability> availability) {
		// Created first, the availability bean handles Spring Boot's readiness events
		// before the initializer answers them.
		availability.getIfAvailable();
		return new MigrationsInitializer(migrator, properties.getOnStartup(), properties.getTarget(),
				properties.isAsync(), strategy.getIfAvailable(), publisher);
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
	PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
		return new PropertiesMigrationsConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		return new MigrationsSchemaManagementProvider(migrators);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Migrator.class)
	static final class MigratorConfiguration {

		@Bean
		Migrator migrator(MigrationsProperties properties, MigrationsConnectionDetails connectionDetails,
				ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
				@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
				ObjectProvider<JavaRevision> javaRevisions, ObjectProvider<MigrationListener> listeners,
				ObjectProvider<MigrationsConfigurationCustomizer> customizers, Environment environment) {
			DataSource applicationDataSource = dataSource.getIfUnique();
			DataSource migrationDataSource = migrationDataSource(connectionDetails, resourceLoader.getClassLoader(),
					migrationsDataSource.getIfAvailable(), applicationDataSource);
			MigrationsConfiguration.Builder builder = MigrationsConfiguration.builder()
				.dataSource((applicationDataSource != null) ? applicationDataSource : migrationDataSource)
				.migrationDataSource(migrationDataSource)
				.classLoader(resourceLoader.getClassLoader())
				.locations(properties.getLocations())
				.javaRevisions(javaRevisions.orderedStream().toList())
				.schema(StringUtils.hasText(properties.getSchema()) ? properties.getSchema() : null)
				.versionTable(properties.getVersionTable())
				.historyTable(properties.getHistoryTable())
				.lockTimeout(properties.getLockTimeout())
				.ddlLockTimeout(properties.getDdlLockTimeout())
				.ddlRetryBudget(properties.getDdlRetryBudget())
				.statementTimeout(properties.getStatementTimeout())
				.transactionMode(properties.getTransactionMode())
				.validateChecksums(properties.isValidateChecksums())
				.onUnknownRevision(properties.getOnUnknownRevision())
				.databaseType(databaseType(connectionDetails, environment))
				.listeners(Stream.concat(Stream.of(new MigrationsRunTracker()), listeners.orderedStream()).toList());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return Migrator.create(builder.build());
		}

		/**
		 * The database type the configured JDBC URL names (the connection details', else
		 * {@code spring.datasource.url}), for what runs without a connection (offline
		 * SQL, lint); runs detect the database from the connection itself.
		 */
		private static @Nullable DatabaseType databaseType(MigrationsConnectionDetails connectionDetails,
				Environment environment) {
			String url = (connectionDetails.getJdbcUrl() != null) ? connectionDetails.getJdbcUrl()
					: environment.getProperty("spring.datasource.url");
			return (url != null) ? DatabaseType.fromJdbcUrl(url).orElse(null) : null;
		}

		/**
		 * The connection that changes the schema: a {@code @MigrationsDataSource} bean,
		 * else the connection details' JDBC URL (a {@code @ServiceConnection}
		 * container's, a bean's, or {@code migrations.url}), else the application's
		 * DataSource with the details' user; {@code null} for the application's
		 * DataSource itself.
		 */
		private static @Nullable DataSource migrationDataSource(MigrationsConnectionDetails connectionDetails,
				@Nullable ClassLoader classLoader, @Nullable DataSource migrationsDataSource,
				@Nullable DataSource applicationDataSource) {
			if (migrationsDataSource != null) {
				return migrationsDataSource;
			}
			String url = connectionDetails.getJdbcUrl();
			if (url != null) {
				return withCredentials(DataSourceBuilder.create(classLoader).url(url), connectionDetails);
			}
			if (StringUtils.hasText(connectionDetails.getUsername()) && applicationDataSource != null) {
				return withCredentials(DataSourceBuilder.derivedFrom(applicationDataSource), connectionDetails);
			}
			if (applicationDataSource == null) {
				throw new IllegalStateException("Migrations needs a DataSource: define one, or set migrations.url");
			}
			return null;
		}

		private static DataSource withCredentials(DataSourceBuilder<?> builder,
				MigrationsConnectionDetails connectionDetails) {
			builder.type(SimpleDriverDataSource.class)
				.username(connectionDetails.getUsername())
				.password(connectionDetails.getPassword());
			String driverClassName = connectionDetails.getDriverClassName();
			if (StringUtils.hasText(driverClassName)) {
				builder.driverClassName(driverClassName);
			}
			return builder.build();
		}

	}

	/**
	 * {@code migrations.url}, {@code migrations.user} and {@code migrations.password} as
	 * {@link MigrationsConnectionDetails}.
	 */
	static final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

		private final MigrationsProperties properties;

		PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
			this.properties = properties;
		}

		@Override
		public @Nullable String getJdbcUrl() {
			return StringUtils.hasText(this.properties.getUrl()) ? this.properties.getUrl() : null;
		}

		@Override
		public @Nullable String getUsername() {
			return StringUtils.hasText(this.properties.getUser()) ? this.properties.getUser() : null;
		}

		@Override
		public @Nullable String getPassword() {
			return this.properties.getPassword();
		}

	}

	/**
	 * A DataSource bean, or a dedicated connection: {@code migrations.url} or a
	 * {@link MigrationsConnectionDetails} bean.
	 */
	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("migrations.url")
		static final class MigrationsUrlCondition {

		}

		@ConditionalOnBean(MigrationsConnectionDetails.class)
		static final class MigrationsConnectionDetailsCondition {

		}

	}

}
