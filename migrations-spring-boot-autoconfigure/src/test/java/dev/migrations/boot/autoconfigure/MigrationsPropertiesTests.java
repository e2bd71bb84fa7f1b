package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import dev.migrations.core.MigrationsConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsProperties}.
 */
class MigrationsPropertiesTests {

	@Test
	void defaultValuesAreTheCoreDefaults() {
		MigrationsProperties properties = new MigrationsProperties();
		MigrationsConfiguration configuration = MigrationsConfiguration.builder().build();
		assertThat(properties.getLocations()).isEqualTo(configuration.locations());
		assertThat(properties.getSchema()).isEqualTo(configuration.schema());
		assertThat(properties.getVersionTable()).isEqualTo(configuration.versionTable());
		assertThat(properties.getHistoryTable()).isEqualTo(configuration.historyTable());
		assertThat(properties.getLockTimeout()).isEqualTo(configuration.lockTimeout());
		assertThat(properties.getDdlLockTimeout()).isEqualTo(configuration.ddlLockTimeout());
		assertThat(properties.getDdlRetryBudget()).isEqualTo(configuration.ddlRetryBudget());
		assertThat(properties.getStatementTimeout()).isEqualTo(configuration.statementTimeout()).isNull();
		assertThat(properties.getTransactionMode()).isEqualTo(configuration.transactionMode());
		assertThat(properties.isValidateChecksums()).isEqualTo(configuration.validateChecksums());
		assertThat(properties.getOnUnknownRevision()).isEqualTo(configuration.onUnknownRevision());
	}

	@Test
	void defaultValuesOfTheMetadataAreTheCoreDefaults() throws IOException {
		String metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(defaultValue(metadata, "locations")).isEqualTo(List.of(MigrationsConfiguration.DEFAULT_LOCATION));
		assertThat(DurationStyle.detectAndParse((String) defaultValue(metadata, "lock-timeout")))
			.isEqualTo(MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT);
		assertThat(DurationStyle.detectAndParse((String) defaultValue(metadata, "ddl-lock-timeout")))
			.isEqualTo(MigrationsConfiguration.DEFAULT_DDL_LOCK_TIMEOUT)
			.hasSeconds(2);
		assertThat(DurationStyle.detectAndParse((String) defaultValue(metadata, "ddl-retry-budget")))
			.isEqualTo(MigrationsConfiguration.DEFAULT_DDL_RETRY_BUDGET)
			.hasMinutes(5);
		assertThat(defaultValue(metadata, "version-table")).isEqualTo(MigrationsConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(defaultValue(metadata, "history-table")).isEqualTo(MigrationsConfiguration.DEFAULT_HISTORY_TABLE);
		assertThat(defaultValue(metadata, "validate-checksums"))
			.isEqualTo(MigrationsConfiguration.DEFAULT_VALIDATE_CHECKSUMS);
		assertThat(defaultValue(metadata, "transaction-mode")).isEqualTo("per-revision")
			.isEqualTo(
					MigrationsConfiguration.DEFAULT_TRANSACTION_MODE.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		assertThat(defaultValue(metadata, "on-unknown-revision"))
			.isEqualTo(MigrationsConfiguration.DEFAULT_ON_UNKNOWN_REVISION.name().toLowerCase(Locale.ROOT));
		assertThat(defaultValue(metadata, "on-startup")).isEqualTo("upgrade");
		assertThat(defaultValue(metadata, "target")).isEqualTo("heads");
	}

	private static Object defaultValue(String metadata, String property) {
		List<Object> values = JsonPath.read(metadata,
				"$.properties[?(@.name == 'migrations." + property + "')].defaultValue");
		assertThat(values).as(property).hasSize(1);
		return values.get(0);
	}

	@Test
	void defaultValuesOfTheStartupAreThoseOfTheContract() {
		MigrationsProperties properties = new MigrationsProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getOnStartup()).isEqualTo(MigrationsProperties.OnStartup.UPGRADE);
		assertThat(properties.getTarget()).isEqualTo("heads");
		assertThat(properties.isAsync()).isFalse();
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getUser()).isNull();
		assertThat(properties.getPassword()).isNull();
	}

}
