package dev.migrations.benchmarks.kit;

import dev.migrations.test.MigrationsTest;
import dev.migrations.test.StandardRevisionTests;

/** The generated chain of revisions, written by {@link StairwayComparison} first. */
@MigrationsTest(locations = StairwayComparison.LINEAR)
class LinearStairway implements StandardRevisionTests {

}
