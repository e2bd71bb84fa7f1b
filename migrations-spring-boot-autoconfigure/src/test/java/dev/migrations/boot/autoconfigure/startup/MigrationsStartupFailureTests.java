package dev.migrations.boot.autoconfigure.startup;

import java.util.List;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A startup whose revision fails on PostgreSQL: the application does not start, and the
 * failure analysis printed says what failed and what to do.
 */
@PostgresDatabase
@ExtendWith(OutputCaptureExtension.class)
class MigrationsStartupFailureTests {

	@Test
	void printsTheFailingStatementAndWhatToDo(TestDatabase database, CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> MigrationsStartupFailureTests.run(database, "migrations.locations=classpath:revisions/failing"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nUpgrade of revision 002 failed in classpath:revisions/failing/002_broken.sql "
					+ "at line 8 (SQLState 42P01): ERROR: relation \"missing_table\" does not exist")
			.contains("Action:\n\nNothing of it remains (rolled back); revisions before it stay applied. "
					+ "Fix the statement in classpath:revisions/failing/002_broken.sql at line 8 and restart.");
		List<String> applied = JdbcClient.create(database.dataSource())
			.sql("SELECT revision FROM migrations_applied")
			.query(String.class)
			.list();
		assertThat(applied).containsExactly("001");
		assertThat(JdbcClient.create(database.dataSource())
			.sql("SELECT to_regclass('tasks') IS NULL")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private static void run(TestDatabase database, String... properties) {
		MinimalApplication.on(database, properties).run().close();
	}

}
