package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import dev.migrations.core.LockHolder;
import dev.migrations.core.LockTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MigrationsFailureAnalyzer} tells a user whose application failed to start,
 * for failures of real startups on H2.
 */
class MigrationsFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

	@Test
	void namesTheFailingStatementAndSaysToFixItAndRestart() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:revisions/failing");
		assertThat(analysis.getDescription()).startsWith(
				"Upgrade of revision 002 failed in classpath:revisions/failing/002_broken.sql at line 8 (SQLState 42S02): ")
			.contains("MISSING_TABLE");
		assertThat(analysis.getAction()).isEqualTo(
				"Its changes may be partly applied, so it is recorded as FAILED and every run refuses until you fix the "
						+ "database by hand and run 'migrations repair'. Fix the statement in "
						+ "classpath:revisions/failing/002_broken.sql at line 8 and restart.");
	}

	@Test
	void namesTheDriftedFileAndSaysHowToRestoreOrAcceptIt() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:drift;DB_CLOSE_DELAY=-1",
					"migrations.locations=classpath:revisions/todo")
			.run((context) -> assertThat(context).hasNotFailed());
		FailureAnalysis analysis = analyzeStartup("spring.datasource.url=jdbc:h2:mem:drift;DB_CLOSE_DELAY=-1",
				"migrations.locations=classpath:revisions/drifted");
		assertThat(analysis.getDescription()).matches(
				"Applied revision\\(s\\) changed since they were applied: 001 in classpath:revisions/drifted/001_users.sql "
						+ "\\(recorded checksum [0-9a-f]{64}, now [0-9a-f]{64}\\)");
		assertThat(analysis.getAction())
			.isEqualTo("Restore the original upgrade, or accept the edit with 'migrations repair --checksums'.");
	}

	@Test
	void listsTheHeadsAndSaysWhichTargetToSet() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:revisions/heads",
				"migrations.target=head");
		assertThat(analysis.getDescription())
			.isEqualTo("Multiple head revisions are present for given argument 'head'; please specify a specific "
					+ "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
		assertThat(analysis.getAction()).isEqualTo(
				"Set migrations.target=heads to upgrade every head, or migrations.target=<branch label>@head to upgrade "
						+ "one branch, or merge the heads with 'migrations merge -m \"merge heads\" heads'.");
	}

	@Test
	void namesTheUnknownTargetAndSaysHowToListRevisions() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:revisions/todo",
				"migrations.target=abcdef");
		assertThat(analysis.getDescription()).startsWith("Can't locate revision identified by 'abcdef': ");
		assertThat(analysis.getAction()).isEqualTo(
				"Set migrations.target to a revision that exists ('heads' by default; run 'migrations history' to list "
						+ "them), or add the revision 'abcdef' to migrations.locations.");
	}

	@Test
	void namesTheMissingLocation() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=filesystem:/no/such/revisions");
		assertThat(analysis.getDescription()).contains("'filesystem:/no/such/revisions' does not exist");
		assertThat(analysis.getAction()).isEqualTo(
				"Fix migrations.locations: 'filesystem:/no/such/revisions' must be 'classpath:path' or 'filesystem:path' "
						+ "naming an existing directory of revisions.");
	}

	@Test
	void namesThePropertyOfAnInvalidSetting() {
		FailureAnalysis analysis = analyzeStartup("migrations.locations=classpath:revisions/todo",
				"migrations.version-table=1bad");
		assertThat(analysis.getDescription()).isEqualTo("Invalid Migrations setting 'versionTable': '1bad'; it must be "
				+ "1-63 letters, digits and underscores, not starting with a digit");
		assertThat(analysis.getAction()).isEqualTo(
				"Change migrations.version-table (or the MigrationsConfigurationCustomizer that sets versionTable).");
	}

	@Test
	void namesTheLockHolderAndTheSessionToEnd() {
		LockHolder holder = new LockHolder(4242, "orders", "app", "10.0.0.7", Instant.parse("2026-01-01T10:00:00Z"),
				Instant.parse("2026-01-01T10:01:00Z"), "active");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("migrationsInitializer",
				"Initialization failed", new LockTimeoutException(Duration.ofSeconds(30), holder)));
		assertThat(analysis.getDescription())
			.isEqualTo("Gave up waiting for the migration lock after PT30S: it is held "
					+ "by pid 4242 (application 'orders', user app, client 10.0.0.7, connected since 2026-01-01T10:00:00Z, "
					+ "active since 2026-01-01T10:01:00Z)");
		assertThat(analysis.getAction()).isEqualTo("Another instance is migrating; if that session hangs, end it "
				+ "(SELECT pg_terminate_backend(pid)) or raise lock-timeout. The setting is migrations.lock-timeout "
				+ "(now PT30S).");
	}

	private FailureAnalysis analyzeStartup(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = this.analyzer.analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
