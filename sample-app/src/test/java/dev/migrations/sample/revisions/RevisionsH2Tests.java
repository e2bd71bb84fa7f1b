package dev.migrations.sample.revisions;

import dev.migrations.sample.todo.Task;
import dev.migrations.sample.todo.User;
import dev.migrations.sample.todo.UserPreferences;
import dev.migrations.test.MigrationsTest;
import dev.migrations.test.MigrationsTest.Database;
import dev.migrations.test.StandardRevisionTests;

/**
 * The sample's SQL revisions on H2, the database it starts with by default: the test
 * kit's standard tests, the entities matching the revisions included.
 */
@MigrationsTest(database = Database.H2, entities = { User.class, Task.class, UserPreferences.class })
class RevisionsH2Tests implements StandardRevisionTests {

}
