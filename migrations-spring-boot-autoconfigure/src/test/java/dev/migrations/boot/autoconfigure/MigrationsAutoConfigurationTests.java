package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.core.JavaRevision;
import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationState;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.Operation;
import dev.migrations.core.Revision;
import dev.migrations.core.RevisionContext;
import dev.migrations.core.RevisionFailedException;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.UnknownRevisionPolicy;
import org.h2.jdbc.JdbcSQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsAutoConfiguration} on embedded H2 databases (each context its own).
 */
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"migrations.locations=classpath:revisions/todo");

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
	}

	@Test
	void upgradesToTheHeadsOnStartup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigrationsInitializer.class);
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
			assertThat(migrator.currentHeads()).containsExactly("002");
			assertThat(tables(context.getBean(DataSource.class))).contains("USERS", "TASKS");
			assertThat(context.getBean(MigrationsInitializer.class).isDatabaseReady()).isTrue();
		});
	}

	@Test
	void startsWithoutRevisionsWhenTheDefaultLocationIsAbsent() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/revisions").run((context) -> {
			assertThat(context).hasNotFailed();
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.revisions()).isEmpty();
			assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		});
	}

	@Test
	void upgradesToTheConfiguredTarget() {
		this.contextRunner.withPropertyValues("migrations.target=001").run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.currentHeads()).containsExactly("001");
			assertThat(migrator.status().pending()).containsExactly("002");
		});
	}

	@Test
	void upgradesInTheBackgroundWhenAsync() {
		this.contextRunner.withPropertyValues("migrations.async=true")
			.withUserConfiguration(JavaRevisionConfiguration.class)
			.run((context) -> {
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (!initializer.isDatabaseReady()) {
					assertThat(System.nanoTime()).as("the background run ends within 30 s").isLessThan(deadline);
					Thread.sleep(50);
				}
				assertThat(context.getBean(Migrator.class).currentHeads()).containsExactly("003");
				assertThat(context.getBean(RecordingListener.class).threads).containsOnly("migrations-startup");
			});
	}

	@Test
	void changesNothingWhenOnStartupIsNone() {
		this.contextRunner.withPropertyValues("migrations.on-startup=none").run((context) -> {
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("USERS", "MIGRATIONS_APPLIED");
			assertThat(context.getBean(MigrationsInitializer.class).isDatabaseReady()).isTrue();
		});
	}

	@Test
	void changesNothingAndIsNotReadyWhenOnStartupIsValidateAndRevisionsArePending() {
		this.contextRunner.withPropertyValues("migrations.on-startup=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("USERS", "MIGRATIONS_APPLIED");
			assertThat(context.getBean(MigrationsInitializer.class).isDatabaseReady()).isFalse();
		});
	}

	@Test
	void appliesEveryPropertyToTheCoreConfiguration() {
		this.contextRunner
			.withPropertyValues("migrations.locations=classpath:revisions/todo,classpath:db/more",
					"migrations.schema=app_state", "migrations.version-table=applied",
					"migrations.history-table=history", "migrations.lock-timeout=30",
					"migrations.transaction-mode=per-revision", "migrations.validate-checksums=false",
					"migrations.on-unknown-revision=fail", "migrations.on-startup=none")
			.run((context) -> {
				MigrationsConfiguration configuration = context.getBean(Migrator.class).configuration();
				assertThat(configuration.locations()).containsExactly("classpath:revisions/todo", "classpath:db/more");
				assertThat(configuration.schema()).isEqualTo("app_state");
				assertThat(configuration.versionTable()).isEqualTo("applied");
				assertThat(configuration.historyTable()).isEqualTo("history");
				assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(configuration.transactionMode()).isEqualTo(TransactionMode.PER_REVISION);
				assertThat(configuration.validateChecksums()).isFalse();
				assertThat(configuration.onUnknownRevision()).isEqualTo(UnknownRevisionPolicy.FAIL);
				assertThat(configuration.dataSource()).isSameAs(context.getBean(DataSource.class));
				assertThat(configuration.migrationDataSource()).isNull();
				assertThat(configuration.listeners()).hasAtLeastOneElementOfType(MigrationsRunTracker.class);
			});
	}

	@Test
	void bindsTheTransactionModeAll() {
		this.contextRunner.withPropertyValues("migrations.transaction-mode=all", "migrations.on-startup=none")
			.run((context) -> assertThat(context.getBean(Migrator.class).configuration().transactionMode())
				.isEqualTo(TransactionMode.ALL));
	}

	@Test
	void usesAMigratorBeanOfTheApplication() {
		this.contextRunner.withUserConfiguration(CustomMigratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.configuration().versionTable()).isEqualTo("custom_applied");
			assertThat(migrator.currentHeads()).containsExactly("002");
		});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(Migrator.class).configuration().versionTable())
				.isEqualTo("second"));
	}

	@Test
	void runsTheStrategyInsteadOfTheUpgrade() {
		this.contextRunner.withUserConfiguration(StrategyConfiguration.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(context.getBean(RecordingStrategy.class).runs).containsExactly(migrator);
			assertThat(migrator.currentHeads()).containsExactly("001");
		});
	}

	@Test
	void usesAnInitializerBeanOfTheApplication() {
		this.contextRunner.withUserConfiguration(CustomInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsInitializer.class);
			assertThat(context.getBean(MigrationsInitializer.class).isDatabaseReady()).isTrue();
			assertThat(tables(context.getBean(DataSource.class))).doesNotContain("USERS");
		});
	}

	@Test
	void registersJavaRevisionBeansAndListenerBeans() {
		this.contextRunner.withUserConfiguration(JavaRevisionConfiguration.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.currentHeads()).containsExactly("003");
			assertThat(tables(context.getBean(DataSource.class))).contains("FROM_A_BEAN");
			assertThat(context.getBean(RecordingListener.class).events).containsExactly("started upgrade",
					"revision 001", "revision 002", "revision 003", "finished");
		});
	}

	@Test
	void usesAMigrationsDataSourceBeanToChangeTheSchema() {
		this.contextRunner.withUserConfiguration(MigrationsDataSourceConfiguration.class).run((context) -> {
			MigrationsConfiguration configuration = context.getBean(Migrator.class).configuration();
			DataSource dedicated = context.getBean("dedicatedDataSource", DataSource.class);
			assertThat(configuration.migrationDataSource()).isSameAs(dedicated);
			assertThat(configuration.dataSource()).isSameAs(context.getBean("dataSource"));
			assertThat(tables(dedicated)).contains("USERS", "TASKS");
			assertThat(tables(context.getBean("dataSource", DataSource.class))).doesNotContain("USERS");
		});
	}

	@Test
	void usesADedicatedConnectionFromMigrationsUrl() {
		this.contextRunner
			.withPropertyValues("migrations.url=jdbc:h2:mem:dedicated_url;DB_CLOSE_DELAY=-1", "migrations.user=sa",
					"migrations.password=secret-not-shown")
			.run((context) -> {
				MigrationsConfiguration configuration = context.getBean(Migrator.class).configuration();
				assertThat(configuration.migrationDataSource()).isInstanceOfSatisfying(SimpleDriverDataSource.class,
						(dataSource) -> {
							assertThat(dataSource.getUrl()).isEqualTo("jdbc:h2:mem:dedicated_url;DB_CLOSE_DELAY=-1");
							assertThat(dataSource.getUsername()).isEqualTo("sa");
							assertThat(dataSource.getPassword()).isEqualTo("secret-not-shown");
						});
				assertThat(tables(configuration.migrationDataSource())).contains("USERS", "TASKS");
				assertThat(tables(context.getBean(DataSource.class))).doesNotContain("USERS");
			});
	}

	@Test
	void needsNoDataSourceBeanWhenMigrationsUrlIsSet() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("migrations.url=jdbc:h2:mem:url_only;DB_CLOSE_DELAY=-1", "migrations.user=sa",
					"migrations.locations=classpath:revisions/todo")
			.run((context) -> {
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.configuration().dataSource())
					.isSameAs(migrator.configuration().migrationDataSource());
				assertThat(migrator.currentHeads()).containsExactly("002");
			});
	}

	@Test
	void derivesADedicatedConnectionFromTheApplicationDataSourceWithMigrationsUser() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:derived;DB_CLOSE_DELAY=-1",
					"spring.datasource.username=sa", "migrations.user=sa", "migrations.on-startup=none")
			.run((context) -> assertThat(context.getBean(Migrator.class).configuration().migrationDataSource())
				.isInstanceOfSatisfying(SimpleDriverDataSource.class, (dataSource) -> {
					assertThat(dataSource.getUrl()).isEqualTo("jdbc:h2:mem:derived;DB_CLOSE_DELAY=-1");
					assertThat(dataSource.getUsername()).isEqualTo("sa");
				}));
	}

	@Test
	void makesJdbcTemplateWaitForTheStartupRun() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.run((context) -> {
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
					.contains("migrationsInitializer", "migrator");
				assertThat(
						context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM tasks", Integer.class))
					.isZero();
			});
	}

	@Test
	void tellsJpaThatTheSchemaIsManaged() {
		this.contextRunner.withPropertyValues("migrations.on-startup=none").run((context) -> {
			MigrationsSchemaManagementProvider provider = context.getBean(MigrationsSchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(
					DataSourceBuilder.create().type(SimpleDriverDataSource.class).url("jdbc:h2:mem:other").build()))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void failsTheStartupWhenARevisionFails() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:revisions/failing")
			.run((context) -> assertThat(context).getFailure()
				.hasCauseInstanceOf(RevisionFailedException.class)
				.hasRootCauseInstanceOf(JdbcSQLSyntaxErrorException.class));
	}

	private static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMigratorConfiguration {

		@Bean
		Migrator customMigrator(DataSource dataSource) {
			return Migrator.create(MigrationsConfiguration.builder()
				.dataSource(dataSource)
				.locations("classpath:revisions/todo")
				.versionTable("custom_applied")
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@org.springframework.core.annotation.Order(2)
		MigrationsConfigurationCustomizer second() {
			return (builder) -> builder.versionTable("second");
		}

		@Bean
		@org.springframework.core.annotation.Order(1)
		MigrationsConfigurationCustomizer first() {
			return (builder) -> builder.versionTable("first");
		}

	}

	static class RecordingStrategy implements MigrationsStartupStrategy {

		final List<Migrator> runs = new ArrayList<>();

		@Override
		public void run(Migrator migrator) {
			this.runs.add(migrator);
			migrator.upgrade("001");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StrategyConfiguration {

		@Bean
		RecordingStrategy recordingStrategy() {
			return new RecordingStrategy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomInitializerConfiguration {

		@Bean
		MigrationsInitializer customInitializer(Migrator migrator,
				org.springframework.context.ApplicationEventPublisher publisher) {
			return new MigrationsInitializer(migrator, MigrationsProperties.OnStartup.NONE, "heads", false, null,
					publisher);
		}

	}

	@Revision(id = "003", downRevision = "002", message = "Created by a bean")
	static class BeanRevision implements JavaRevision {

		private final String table;

		BeanRevision(String table) {
			this.table = table;
		}

		@Override
		public void upgrade(RevisionContext context) throws Exception {
			try (java.sql.Statement statement = context.connection().createStatement()) {
				statement.execute("CREATE TABLE " + this.table + " (id INT)");
			}
		}

	}

	static class RecordingListener implements MigrationListener {

		final List<String> events = new ArrayList<>();

		final List<String> threads = new ArrayList<>();

		@Override
		public void runStarted(Operation operation, String target) {
			this.threads.add(Thread.currentThread().getName());
			this.events.add("started " + operation.columnValue());
		}

		@Override
		public void revisionStarted(dev.migrations.core.graph.Step step) {
			this.events.add("revision " + step.revision().id());
		}

		@Override
		public void runFinished(dev.migrations.core.RunResult result,
				dev.migrations.core.@org.jspecify.annotations.Nullable MigrationsException failure) {
			this.events.add((failure != null) ? "failed" : "finished");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JavaRevisionConfiguration {

		@Bean
		BeanRevision beanRevision() {
			return new BeanRevision("from_a_bean");
		}

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsDataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url("jdbc:h2:mem:application;DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource dedicatedDataSource() {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url("jdbc:h2:mem:dedicated_bean;DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}

	}

}
