package dev.migrations.benchmarks.kit;

import dev.migrations.test.MigrationsTest;
import dev.migrations.test.StandardRevisionTests;

/**
 * The generated branched graph, written by {@link StairwayComparison} first, walked
 * without templates: each branch after the first replays the stem.
 */
@MigrationsTest(locations = StairwayComparison.BRANCHED, forkWithTemplates = false)
class BranchedReplayedStairway implements StandardRevisionTests {

}
