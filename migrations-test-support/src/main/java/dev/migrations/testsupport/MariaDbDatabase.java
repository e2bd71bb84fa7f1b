package dev.migrations.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own MariaDB (or MySQL) database, created before its
 * first test and dropped after its last. Inject it as a {@link TestDatabase} parameter.
 * <p>
 * The server is the one the {@code MIGRATIONS_TEST_MARIADB_URL} environment variable
 * names (a JDBC URL of a server, e.g.
 * {@code jdbc:mariadb://db.example:3306/?user=ci&password=secret}, with a user allowed to
 * create databases), else the local server at 127.0.0.1:3306 (user {@code root}, no
 * password). When none is reachable the test class fails with a message saying how to
 * start one: database tests are never skipped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MariaDbDatabaseExtension.class)
public @interface MariaDbDatabase {

}
