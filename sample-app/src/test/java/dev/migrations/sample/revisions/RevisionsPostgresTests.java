package dev.migrations.sample.revisions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrations.sample.todo.Task;
import dev.migrations.sample.todo.User;
import dev.migrations.sample.todo.UserPreferences;
import dev.migrations.test.MigrationsTest;
import dev.migrations.test.RevisionRunner;
import dev.migrations.test.StandardRevisionTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's SQL revisions on PostgreSQL: one head, from base to the head, and each
 * revision up, down and up again leaving no trace, the entities matching the revisions
 * (the test kit's standard tests); and the data migration of {@code 7c1e5a2b9d30}. The
 * Java revision {@code d9e0f1a2b3c4} is a Spring bean, run by the application's own test,
 * not here.
 */
@MigrationsTest(entities = { User.class, Task.class, UserPreferences.class })
class RevisionsPostgresTests implements StandardRevisionTests {

	@Test
	void theNumericPriorityIsBackfilledFromTheTextOne(RevisionRunner runner) {
		runner.upgradeBefore("7c1e5a2b9d30");
		UUID user = UUID.randomUUID();
		runner.insert("users", Map.of("id", user, "email", "ada@example.com", "name", "Ada"));
		for (String priority : List.of("high", "medium", "low")) {
			runner.insert("tasks", Map.of("user_id", user, "title", "A " + priority + " task", "priority", priority));
		}

		runner.upgradeTo("7c1e5a2b9d30");

		assertThat(runner.query("SELECT priority, priority_id FROM tasks ORDER BY priority_id DESC")).containsExactly(
				Map.of("priority", "high", "priority_id", 3), Map.of("priority", "medium", "priority_id", 2),
				Map.of("priority", "low", "priority_id", 1));
	}

}
