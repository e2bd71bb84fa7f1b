package dev.migrations.core;

import java.time.Duration;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationsConfigurationTests {

	@Test
	void defaultsAreThePublicConstants() {
		MigrationsConfiguration configuration = MigrationsConfiguration.builder().build();

		assertThat(configuration.dataSource()).isNull();
		assertThat(configuration.migrationDataSource()).isNull();
		assertThat(configuration.locations()).containsExactly(MigrationsConfiguration.DEFAULT_LOCATION)
			.containsExactly("classpath:db/revisions");
		assertThat(configuration.javaRevisions()).isEmpty();
		assertThat(configuration.classLoader()).isNotNull();
		assertThat(configuration.schema()).isNull();
		assertThat(configuration.versionTable()).isEqualTo("migrations_applied")
			.isEqualTo(MigrationsConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(configuration.historyTable()).isEqualTo("migrations_history")
			.isEqualTo(MigrationsConfiguration.DEFAULT_HISTORY_TABLE);
		assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofMinutes(10))
			.isEqualTo(MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT);
		assertThat(configuration.transactionMode()).isEqualTo(TransactionMode.PER_REVISION)
			.isEqualTo(MigrationsConfiguration.DEFAULT_TRANSACTION_MODE);
		assertThat(configuration.validateChecksums()).isTrue();
		assertThat(configuration.onUnknownRevision()).isEqualTo(UnknownRevisionPolicy.WARN)
			.isEqualTo(MigrationsConfiguration.DEFAULT_ON_UNKNOWN_REVISION);
		assertThat(configuration.listeners()).isEmpty();
		assertThat(configuration.databaseType()).isNull();
	}

	@Test
	void everySettingIsKeptAndTheBuilderCopiesRoundTrip() {
		JdbcDataSource dataSource = new JdbcDataSource();
		JdbcDataSource migrationDataSource = new JdbcDataSource();
		MigrationListener listener = new MigrationListener() {
		};
		JavaRevision revision = (context) -> {
		};
		MigrationsConfiguration configuration = MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.migrationDataSource(migrationDataSource)
			.locations("classpath:db/a", "filesystem:/tmp/b")
			.javaRevisions(List.of(revision))
			.schema("app_state")
			.versionTable("Versions")
			.historyTable("_history")
			.lockTimeout(Duration.ZERO)
			.transactionMode(TransactionMode.ALL)
			.validateChecksums(false)
			.onUnknownRevision(UnknownRevisionPolicy.FAIL)
			.listener(listener)
			.databaseType(DatabaseType.H2)
			.build();

		MigrationsConfiguration copy = configuration.toBuilder().build();

		for (MigrationsConfiguration each : List.of(configuration, copy)) {
			assertThat(each.dataSource()).isSameAs(dataSource);
			assertThat(each.migrationDataSource()).isSameAs(migrationDataSource);
			assertThat(each.locations()).containsExactly("classpath:db/a", "filesystem:/tmp/b");
			assertThat(each.javaRevisions()).containsExactly(revision);
			assertThat(each.schema()).isEqualTo("app_state");
			assertThat(each.versionTable()).isEqualTo("Versions");
			assertThat(each.historyTable()).isEqualTo("_history");
			assertThat(each.lockTimeout()).isZero();
			assertThat(each.transactionMode()).isEqualTo(TransactionMode.ALL);
			assertThat(each.validateChecksums()).isFalse();
			assertThat(each.onUnknownRevision()).isEqualTo(UnknownRevisionPolicy.FAIL);
			assertThat(each.listeners()).containsExactly(listener);
			assertThat(each.databaseType()).isEqualTo(DatabaseType.H2);
		}
	}

	@Test
	void theBuiltConfigurationDoesNotChangeWithTheBuilder() {
		MigrationsConfiguration.Builder builder = MigrationsConfiguration.builder().locations("classpath:one");
		MigrationsConfiguration configuration = builder.build();

		builder.locations("classpath:two").versionTable("other");

		assertThat(configuration.locations()).containsExactly("classpath:one");
		assertThat(configuration.versionTable()).isEqualTo("migrations_applied");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> configuration.locations().add("classpath:three"));
	}

	@Test
	void aTableNameThatIsNoPlainIdentifierIsRejectedWithSettingAndValue() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().versionTable("applied; DROP TABLE users").build())
			.withMessage("Invalid Migrations setting 'versionTable': 'applied; DROP TABLE users'; "
					+ "it must be 1-63 letters, digits and underscores, not starting with a digit")
			.satisfies((ex) -> {
				assertThat(ex.setting()).isEqualTo("versionTable");
				assertThat(ex.value()).isEqualTo("applied; DROP TABLE users");
			});
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().historyTable("1history").build())
			.withMessageStartingWith("Invalid Migrations setting 'historyTable': '1history'");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().schema("my\"schema").build())
			.withMessageStartingWith("Invalid Migrations setting 'schema': 'my\"schema'");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().versionTable("x".repeat(64)).build())
			.withMessageStartingWith("Invalid Migrations setting 'versionTable'");
	}

	@Test
	void theTwoTablesMustDiffer() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().versionTable("state").historyTable("STATE").build())
			.withMessage("Invalid Migrations setting 'historyTable': 'STATE'; it must differ from versionTable");
	}

	@Test
	void aNegativeLockTimeoutIsRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().lockTimeout(Duration.ofSeconds(-1)).build())
			.withMessage("Invalid Migrations setting 'lockTimeout': PT-1S; it must be zero (try once) or positive");
	}

	@Test
	void locationsNeedAPath() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().locations("filesystem:").build())
			.withMessage("Invalid Migrations setting 'locations': 'filesystem:'; "
					+ "each location is classpath:path or filesystem:path (no prefix means classpath:)");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().locations(" ").build())
			.withMessageStartingWith("Invalid Migrations setting 'locations': ' '");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().locations(List.of()).build())
			.withMessageStartingWith("Invalid Migrations setting 'locations': []");
		assertThat(MigrationsConfiguration.builder().locations("db/revisions").build().locations())
			.containsExactly("db/revisions");
	}

	@Test
	void missingEnumsAreRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationsConfiguration.builder().transactionMode(null).build())
			.withMessage("Invalid Migrations setting 'transactionMode': null; it must be set");
	}

	@Test
	void theDatabaseTypeIsFoundFromAJdbcUrl() {
		assertThat(DatabaseType.fromJdbcUrl("jdbc:postgresql://db:5432/app")).contains(DatabaseType.POSTGRESQL);
		assertThat(DatabaseType.fromJdbcUrl("jdbc:h2:mem:test")).contains(DatabaseType.H2);
		assertThat(DatabaseType.fromJdbcUrl("jdbc:oracle:thin:@db")).isEmpty();
	}

}
