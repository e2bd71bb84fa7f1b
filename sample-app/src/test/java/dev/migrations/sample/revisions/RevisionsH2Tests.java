package dev.migrations.sample.revisions;

import dev.migrations.test.MigrationsTest;
import dev.migrations.test.MigrationsTest.Database;
import dev.migrations.test.StandardRevisionTests;

/**
 * The sample's SQL revisions on H2, the database it starts with by default: the test
 * kit's standard tests.
 */
@MigrationsTest(database = Database.H2)
class RevisionsH2Tests implements StandardRevisionTests {

}
