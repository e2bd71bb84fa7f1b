package dev.migrations.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Assertions;

import dev.migrations.test.database.ScratchDatabase;

/**
 * The JPA model of entity classes, as Hibernate writes it; apart from {@link ModelCheck}
 * so that the kit loads without Hibernate when no entities are named.
 */
final class HibernateModel {

	private static final String PHYSICAL_NAMING = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

	private static final String SPRING_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

	private HibernateModel() {
	}

	/**
	 * The JPA-standard create script of the entities, written by Hibernate for the test
	 * database (its dialect read from a connection to it), with Spring Boot's naming.
	 */
	static String createScript(List<Class<?>> entities, ScratchDatabase database, ClassLoader classLoader) {
		Path script;
		try {
			script = Files.createTempFile("migrations-test-model-", ".sql");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary file for the model's create script", ex);
		}
		PersistenceConfiguration configuration = new PersistenceConfiguration("migrations-test-model");
		entities.forEach(configuration::managedClass);
		configuration.property(PersistenceConfiguration.JDBC_URL, database.jdbcUrl())
			.property(PersistenceConfiguration.JDBC_USER, database.user())
			.property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none")
			.property(PersistenceConfiguration.SCHEMAGEN_SCRIPTS_ACTION, "create")
			// PersistenceConfiguration.SCHEMAGEN_CREATE_TARGET of JPA 3.2 lacks the
			// "scripts." part
			.property("jakarta.persistence.schema-generation.scripts.create-target", script.toString())
			.property("hibernate.hbm2ddl.schema-generation.script.append", "false")
			.property("hibernate.hbm2ddl.delimiter", ";")
			.property("hibernate.format_sql", "false")
			.property("hibernate.physical_naming_strategy", PHYSICAL_NAMING);
		if (database.password() != null) {
			configuration.property(PersistenceConfiguration.JDBC_PASSWORD, database.password());
		}
		// Hibernate loads the managed classes by name: from the test class's loader
		configuration.property("hibernate.classLoaders", List.of(classLoader));
		if (ModelCheck.present(SPRING_IMPLICIT_NAMING, classLoader)) {
			configuration.property("hibernate.implicit_naming_strategy", SPRING_IMPLICIT_NAMING);
		}
		try {
			// the script is written while the factory is built
			EntityManagerFactory factory = Persistence.createEntityManagerFactory(configuration);
			factory.close();
		}
		catch (RuntimeException ex) {
			StringBuilder causes = new StringBuilder();
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				causes.append(causes.isEmpty() ? "" : ": ").append(cause.getMessage());
			}
			Assertions.fail("Hibernate could not map the entities " + entities + ": " + causes, ex);
		}
		try {
			return Files.readString(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the model's create script " + script, ex);
		}
		finally {
			try {
				Files.deleteIfExists(script);
			}
			catch (IOException ex) {
				script.toFile().deleteOnExit();
			}
		}
	}

}
