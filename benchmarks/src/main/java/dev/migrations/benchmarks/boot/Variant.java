package dev.migrations.benchmarks.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What runs at the service's start: one migration tool's Spring Boot integration, or
 * none. Each has its own class path, written by the service module's build, with that
 * tool's jars and no other tool's.
 */
enum Variant {

	/** Nothing runs; the schema was created beforehand. */
	NONE("none", null, null),

	/** Migrations' starter. */
	MIGRATIONS("Migrations", "db/revisions", "migrations.locations=filesystem:"),

	/** Spring Boot's Flyway auto-configuration. */
	FLYWAY("Flyway", "db/migration", "spring.flyway.locations=filesystem:"),

	/** Spring Boot's Liquibase auto-configuration. */
	LIQUIBASE("Liquibase", "db/changelog", "spring.liquibase.change-log=file:");

	private final String label;

	private final @Nullable String jarFolder;

	private final @Nullable String directoryProperty;

	Variant(String label, @Nullable String jarFolder, @Nullable String directoryProperty) {
		this.label = label;
		this.jarFolder = jarFolder;
		this.directoryProperty = directoryProperty;
	}

	/** The name in the table, also the tool's name for {@code BootSupport}. */
	String label() {
		return this.label;
	}

	/** Whether a tool runs. */
	boolean tool() {
		return this != NONE;
	}

	/** The file of the class path, in the service module's {@code target/classpath}. */
	String classPathFile() {
		return name().toLowerCase(Locale.ROOT) + ".txt";
	}

	/**
	 * The folder of the tool's default location, where the revisions go in a jar:
	 * Migrations' {@code classpath:db/revisions}, Flyway's
	 * {@code classpath:db/migration}, Liquibase's
	 * {@code classpath:/db/changelog/db.changelog-master.yaml}.
	 */
	String jarFolder() {
		if (this.jarFolder == null) {
			throw new IllegalStateException("No revisions for " + this.label);
		}
		return this.jarFolder;
	}

	/** The command-line arguments that point the tool at a directory of revisions. */
	List<String> directoryArguments(Path directory) {
		if (this.directoryProperty == null) {
			return List.of();
		}
		String location = (this == LIQUIBASE) ? directory.resolve("db.changelog-master.yaml").toString()
				: directory.toString();
		return List.of("--" + this.directoryProperty + location);
	}

}
