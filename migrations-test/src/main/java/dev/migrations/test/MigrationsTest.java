package dev.migrations.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests the revisions of a location: implement {@link StandardRevisionTests} for the
 * standard checks, or take a {@link RevisionRunner} parameter to test a data migration.
 * Each {@code RevisionRunner} works on a database of its own, created when it is first
 * used and dropped after its test.
 * <p>
 * PostgreSQL is found from {@code MIGRATIONS_TEST_POSTGRES_URL} (a JDBC URL of a
 * maintenance database with a user allowed to create databases), else the local server at
 * 127.0.0.1:5432 as {@code postgres}, else a Testcontainers PostgreSQL; when none is
 * reachable the tests fail saying how to provide one.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MigrationsTestExtension.class)
public @interface MigrationsTest {

	/** Where the revisions are: {@code classpath:path} or {@code filesystem:path}. */
	String[] locations() default { "classpath:db/revisions" };

	/** The database the revisions run on. */
	Database database() default Database.POSTGRESQL;

	/**
	 * The oldest revision the stairway takes down: revisions at or below it are only
	 * upgraded (their downgrade is skipped, with that reason). Empty: every revision.
	 */
	String minimumDowngradeRevision() default "";

	/**
	 * Revisions that are stamped instead of run, e.g. those needing an extension or data
	 * the test database lacks; their checks are skipped with that reason.
	 */
	String[] skipRevisions() default {};

	/**
	 * The JPA model's create script, for {@code modelMatchesDatabase}:
	 * {@code classpath:path} (the default prefix) or {@code filesystem:path}, such as the
	 * script the application writes with
	 * {@code jakarta.persistence.schema-generation.scripts.action=create}. Empty: none
	 * (see {@link #entities()}).
	 */
	String model() default "";

	/**
	 * The entity classes of the JPA model, for {@code modelMatchesDatabase}: Hibernate
	 * (on the test class path) writes their create script for the test database, with
	 * Spring Boot's naming of tables, columns and join tables
	 * ({@code CamelCaseToUnderscoresNamingStrategy}, and
	 * {@code SpringImplicitNamingStrategy} when Spring Boot's Hibernate module is on the
	 * class path), as the application maps them. Empty: none (see {@link #model()}).
	 */
	Class<?>[] entities() default {};

	/**
	 * Whether the stairway, on PostgreSQL, starts a revision whose ancestors no downgrade
	 * can reach (past an irreversible or skipped revision on another branch) from a copy
	 * of a state it walked before ({@code CREATE DATABASE ... TEMPLATE}) instead of
	 * replaying them all on a fresh database. False: always replay.
	 */
	boolean forkWithTemplates() default true;

	/** The databases the test kit runs revisions on. */
	enum Database {

		/** A fresh database on a PostgreSQL server. */
		POSTGRESQL,

		/** A fresh in-memory H2 database. */
		H2

	}

}
