package dev.migrations.core.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;

/**
 * The golden corpus on PostgreSQL ({@code src/test/resources/autogenerate}): scratch
 * databases made with {@code CREATE DATABASE} on the test server.
 */
@PostgresDatabase
class AutogeneratePostgresGoldenTests extends GoldenCorpusTests {

	@Override
	Path corpus() {
		return Path.of("src/test/resources/autogenerate");
	}

	@Override
	void reset(TestDatabase database) throws SQLException {
		run(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DO $$ DECLARE t record; BEGIN FOR t IN SELECT typname FROM pg_type "
					+ "JOIN pg_namespace n ON n.oid = typnamespace WHERE nspname = 'public' AND typtype = 'e' "
					+ "LOOP EXECUTE 'DROP TYPE ' || quote_ident(t.typname) || ' CASCADE'; END LOOP; END $$");
		}
	}

}
