package dev.migrations.core.autogenerate;

import java.nio.file.Path;
import java.sql.SQLException;

import dev.migrations.testsupport.H2Database;
import dev.migrations.testsupport.TestDatabase;

/**
 * The golden corpus on H2 ({@code src/test/resources/autogenerate-h2}): the cases that
 * apply to H2, with in-memory scratch databases.
 */
@H2Database
class AutogenerateH2GoldenTests extends GoldenCorpusTests {

	@Override
	Path corpus() {
		return Path.of("src/test/resources/autogenerate-h2");
	}

	@Override
	void reset(TestDatabase database) throws SQLException {
		run(database, "DROP ALL OBJECTS");
	}

}
