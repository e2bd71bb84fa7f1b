package dev.migrations.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own PostgreSQL database, created before its first
 * test and dropped after its last. Inject it as a {@link TestDatabase} parameter.
 * <p>
 * The server is found in this order: the {@code MIGRATIONS_TEST_POSTGRES_URL} environment
 * variable (a JDBC URL of a maintenance database, credentials as URL parameters); the
 * local server at 127.0.0.1:5432 (user {@code postgres}); a Testcontainers PostgreSQL
 * where a Docker engine is available. When none is reachable the test class fails with a
 * message saying how to provide one: database tests are never skipped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostgresDatabaseExtension.class)
public @interface PostgresDatabase {

}
