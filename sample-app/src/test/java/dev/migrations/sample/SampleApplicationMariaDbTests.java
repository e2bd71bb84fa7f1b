package dev.migrations.sample;

import dev.migrations.core.DatabaseType;
import dev.migrations.testsupport.MariaDbDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SampleApplicationChecks} on a real MariaDB, with the {@code mariadb} profile.
 */
@MariaDbDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mariadb")
class SampleApplicationMariaDbTests extends SampleApplicationChecks {

	@BeforeAll
	static void databaseOfThePreviousRelease(TestDatabase testDatabase) {
		previousRelease(testDatabase, "classpath:db/mariadb", DatabaseType.MARIADB);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		dataSource(registry);
	}

}
