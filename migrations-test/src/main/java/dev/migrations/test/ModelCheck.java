package dev.migrations.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.NewRevision;
import dev.migrations.test.database.ScratchDatabase;

/**
 * {@code modelMatchesDatabase}: the JPA model of {@link MigrationsTest#entities()} (its
 * create script written by Hibernate, mapped with Spring Boot's naming) or
 * {@link MigrationsTest#model()} compared by autogenerate with the revisions upgraded to
 * the heads, in scratch databases on the test database's server.
 */
final class ModelCheck {

	private ModelCheck() {
	}

	static void check(RevisionRunner runner) {
		MigrationsTest settings = runner.context().settings();
		if (settings.entities().length == 0 && settings.model().isEmpty()) {
			Assumptions.abort("no JPA model: name its entity classes with @MigrationsTest(entities = ...) "
					+ "or its create script with @MigrationsTest(model = ...)");
		}
		List<String> heads = runner.graph().heads();
		if (heads.size() > 1) {
			Assertions.fail("The model is compared with one head; the revisions have " + heads.size() + " ("
					+ String.join(", ", heads) + "): merge them first (see singleHead)");
		}
		ScratchDatabase database = runner.database();
		ClassLoader classLoader = runner.context().testClass().getClassLoader();
		String model;
		String source;
		if (settings.entities().length > 0) {
			if (!present("jakarta.persistence.PersistenceConfiguration", classLoader)
					|| !present("org.hibernate.jpa.HibernatePersistenceProvider", classLoader)) {
				Assertions.fail("@MigrationsTest(entities = ...) needs Hibernate on the test class path "
						+ "(org.hibernate.orm:hibernate-core, which spring-boot-starter-data-jpa brings)");
			}
			model = HibernateModel.createScript(List.of(settings.entities()), database, classLoader);
			source = "the create script Hibernate wrote for the entities";
		}
		else {
			model = read(settings.model(), classLoader);
			source = settings.model();
		}
		Autogenerate.Result result;
		try {
			result = Autogenerate.builder(runner.migrator().configuration())
				.model(model, source)
				.scratchServer(new DatabaseUrl(database.jdbcUrl(), database.user(), database.password()))
				.parents(heads)
				.message("the model")
				.run();
		}
		catch (MigrationsException ex) {
			Assertions.fail("Autogenerate could not compare the model with the revisions: " + ex.getMessage(), ex);
			return;
		}
		NewRevision revision = result.revision();
		if (revision == null) {
			return;
		}
		String text = revision.text(LocalDateTime.of(2000, 1, 1, 0, 0));
		Assertions.fail(describe(settings) + " does not match the revisions at "
				+ (heads.isEmpty() ? "base" : String.join(", ", heads))
				+ ": autogenerate would write this revision on the head:\n\n"
				+ text.substring(text.indexOf("-- +upgrade"))
				+ "\nGenerate it (--migrations.autogenerate.message=... in the application, or "
				+ "migrations revision --autogenerate), review it and add it, or change the entities");
	}

	private static String describe(MigrationsTest settings) {
		if (settings.entities().length > 0) {
			return "The JPA model ("
					+ Arrays.stream(settings.entities()).map(Class::getSimpleName).collect(Collectors.joining(", "))
					+ ")";
		}
		return "The JPA model " + settings.model();
	}

	private static String read(String location, ClassLoader classLoader) {
		try {
			if (location.startsWith("filesystem:")) {
				return Files.readString(Path.of(location.substring("filesystem:".length())));
			}
			String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
			path = path.startsWith("/") ? path.substring(1) : path;
			try (InputStream in = classLoader.getResourceAsStream(path)) {
				if (in == null) {
					Assertions.fail("@MigrationsTest(model = \"" + location + "\"): no such resource");
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			Assertions.fail("@MigrationsTest(model = \"" + location + "\") cannot be read: " + ex, ex);
			return "";
		}
	}

	static boolean present(String className, ClassLoader classLoader) {
		try {
			Class.forName(className, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
