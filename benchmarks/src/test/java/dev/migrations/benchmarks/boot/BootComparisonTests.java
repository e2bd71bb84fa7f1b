package dev.migrations.benchmarks.boot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.migrations.benchmarks.tools.BootSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the Spring Boot startup benchmark that need no database: the class paths
 * the service module's build writes, the revisions' jars, the starts and the arguments.
 */
class BootComparisonTests {

	@TempDir
	Path directory;

	@Test
	void eachVariantsClassPathHoldsItsToolAndNoOther() throws Exception {
		Path classpath = BootComparison.Settings.defaultService().resolve("classpath");
		assertThat(jars(classpath.resolve("none.txt"))).noneMatch(BootComparisonTests::toolJar)
			.anyMatch((jar) -> jar.startsWith("hibernate-core-"))
			.anyMatch((jar) -> jar.startsWith("tomcat-embed-core-"))
			.anyMatch((jar) -> jar.startsWith("postgresql-"));
		assertThat(jars(classpath.resolve("migrations.txt")).stream().filter(BootComparisonTests::toolJar))
			.containsExactlyInAnyOrder("migrations-spring-boot-starter-0.1.0-SNAPSHOT.jar",
					"migrations-spring-boot-autoconfigure-0.1.0-SNAPSHOT.jar", "migrations-core-0.1.0-SNAPSHOT.jar");
		assertThat(jars(classpath.resolve("flyway.txt")).stream().filter(BootComparisonTests::toolJar))
			.allMatch((jar) -> jar.contains("flyway"))
			.anyMatch((jar) -> jar.startsWith("flyway-core-"))
			.anyMatch((jar) -> jar.startsWith("spring-boot-flyway-"));
		assertThat(jars(classpath.resolve("liquibase.txt")).stream().filter(BootComparisonTests::toolJar))
			.allMatch((jar) -> jar.contains("liquibase") || jar.startsWith("opencsv-"))
			.anyMatch((jar) -> jar.startsWith("liquibase-core-"))
			.anyMatch((jar) -> jar.startsWith("spring-boot-liquibase-"));
		// Liquibase's own dependencies stay out of the other class paths too.
		assertThat(jars(classpath.resolve("migrations.txt"))).noneMatch((jar) -> jar.startsWith("opencsv-"));
	}

	@Test
	void aJarHoldsTheRevisionsUnderTheToolsDefaultFolder() throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("liquibase"));
		BootSupport.write("Liquibase", 3, revisions);
		Path jar = this.directory.resolve("revisions.jar");
		BootComparison.jar(revisions, Variant.LIQUIBASE.jarFolder(), jar);
		try (JarFile file = new JarFile(jar.toFile())) {
			List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
			assertThat(names).containsExactly("db/", "db/changelog/", "db/changelog/changes/",
					"db/changelog/changes/00001_t_1.sql", "db/changelog/changes/00002_t_2.sql",
					"db/changelog/changes/00003_t_3.sql", "db/changelog/db.changelog-master.yaml");
			assertThat(new String(
					file.getInputStream(file.getEntry("db/changelog/db.changelog-master.yaml")).readAllBytes(),
					StandardCharsets.UTF_8))
				.contains("file: changes/00003_t_3.sql");
		}
	}

	@Test
	void noneComesFirstThenEachToolInADirectoryAndInAJarEachOnItsOwnDatabase() {
		List<Start> starts = BootComparison.starts();
		assertThat(starts).extracting(Start::label)
			.containsExactly("none", "Migrations, directory", "Flyway, directory", "Liquibase, directory",
					"Migrations, jar", "Flyway, jar", "Liquibase, jar");
		assertThat(starts).extracting(Start::database)
			.doesNotHaveDuplicates()
			.contains("bootbench_none", "bootbench_flyway_jar");
	}

	@Test
	void aDirectoryIsGivenToEachToolByItsOwnProperty() {
		Path revisions = Path.of("/tmp/revisions");
		assertThat(Variant.MIGRATIONS.directoryArguments(revisions))
			.containsExactly("--migrations.locations=filesystem:/tmp/revisions");
		assertThat(Variant.FLYWAY.directoryArguments(revisions))
			.containsExactly("--spring.flyway.locations=filesystem:/tmp/revisions");
		assertThat(Variant.LIQUIBASE.directoryArguments(revisions))
			.containsExactly("--spring.liquibase.change-log=file:/tmp/revisions/db.changelog-master.yaml");
		assertThat(Variant.NONE.directoryArguments(revisions)).isEmpty();
	}

	@Test
	void versionsAreReadFromTheJarsNames() {
		String classPath = String.join(File.pathSeparator, "/m2/spring-boot-autoconfigure-4.1.0.jar",
				"/m2/spring-boot-4.1.0.jar", "/m2/hibernate-core-7.4.1.Final.jar");
		assertThat(BootComparison.jarVersion(classPath, "spring-boot")).isEqualTo("4.1.0");
		assertThat(BootComparison.jarVersion(classPath, "hibernate-core")).isEqualTo("7.4.1.Final");
		assertThat(BootComparison.jarVersion(classPath, "tomcat-embed-core")).isEqualTo("unknown");
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(BootComparison.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
		assertThat(BootComparison.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
	}

	private static List<String> jars(Path classPathFile) throws IOException {
		return Arrays.stream(Files.readString(classPathFile).trim().split(File.pathSeparator))
			.map((entry) -> Path.of(entry).getFileName().toString())
			.toList();
	}

	private static boolean toolJar(String jar) {
		return jar.contains("flyway") || jar.contains("liquibase") || jar.startsWith("migrations-")
				|| jar.startsWith("opencsv-");
	}

}
