package dev.migrations.boot.autoconfigure.startup;

import java.util.List;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup logs the lint findings of the revisions it runs, and starts anyway.
 */
@PostgresDatabase
@ExtendWith(OutputCaptureExtension.class)
class MigrationsLintAtStartupTests {

	@Test
	void logsTheFindingsOfThePendingRevisionsAndStarts(TestDatabase database, CapturedOutput output) {
		try (ConfigurableApplicationContext context = MinimalApplication
			.on(database, "migrations.locations=classpath:revisions/unsafe")
			.run()) {
			assertThat(context.isActive()).isTrue();
			assertThat(JdbcClient.create(database.dataSource())
				.sql("SELECT revision FROM migrations_applied ORDER BY revision")
				.query(String.class)
				.list()).isEqualTo(List.of("001", "002", "003"));
		}
		assertThat(output).contains("Lint error: classpath:revisions/unsafe/003_index.sql:7: "
				+ "create-index-not-concurrently: CREATE INDEX on tasks takes a SHARE lock, blocking writes to it "
				+ "until the index is built — use CREATE INDEX CONCURRENTLY");
		assertThat(output).doesNotContain("001_users.sql:");
	}

}
