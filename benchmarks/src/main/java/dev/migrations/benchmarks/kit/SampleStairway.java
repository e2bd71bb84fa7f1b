package dev.migrations.benchmarks.kit;

import dev.migrations.test.MigrationsTest;
import dev.migrations.test.StandardRevisionTests;

/**
 * The sample's SQL revisions, read from the working directory (the repository's root).
 */
@MigrationsTest(locations = StairwayComparison.SAMPLE)
class SampleStairway implements StandardRevisionTests {

}
