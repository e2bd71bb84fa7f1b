package dev.migrations.sample;

import dev.migrations.core.DatabaseType;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SampleApplicationChecks} on a real PostgreSQL. */
@PostgresDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationPostgresTests extends SampleApplicationChecks {

	@BeforeAll
	static void databaseOfThePreviousRelease(TestDatabase testDatabase) {
		previousRelease(testDatabase, "classpath:db/revisions", DatabaseType.POSTGRESQL);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		dataSource(registry);
	}

}
