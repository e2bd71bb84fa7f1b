package dev.migrations.benchmarks.kit;

import dev.migrations.test.MigrationsTest;
import dev.migrations.test.StandardRevisionTests;

/**
 * The generated branched graph, written by {@link StairwayComparison} first; the branches
 * the walk cannot reach by a downgrade start from a template of the stem.
 */
@MigrationsTest(locations = StairwayComparison.BRANCHED)
class BranchedStairway implements StandardRevisionTests {

}
