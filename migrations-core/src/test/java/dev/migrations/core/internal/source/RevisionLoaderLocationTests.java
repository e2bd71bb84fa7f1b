package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migrations.core.RevisionFileException;
import dev.migrations.core.RevisionLocationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Locations: directories and jars on the class path, file system directories, and a load
 * order that depends on neither.
 */
class RevisionLoaderLocationTests {

	/** Revision files by path, in a deliberately unsorted order. */
	private static final Map<String, String> FILES = new LinkedHashMap<>();

	static {
		FILES.put("db/revisions/z_last/005_tasks.sql", revision("005", "004"));
		FILES.put("db/revisions/002_second.sql", revision("002", "001"));
		FILES.put("db/revisions/010_tenth.sql", revision("010", "005"));
		FILES.put("db/revisions/001_first.sql", revision("001", "None"));
		FILES.put("db/revisions/a dir/004 with space.sql", revision("004", "003"));
		FILES.put("db/revisions/003_third.sql", revision("003", "002"));
		FILES.put("db/revisions/README.md", "not a revision");
		FILES.put("db/other/999_elsewhere.sql", revision("999", "None"));
	}

	private static final List<String> EXPECTED_ORDER = List.of("001", "002", "003", "010", "004", "005");

	private static final List<String> EXPECTED_SOURCES = List.of("classpath:db/revisions/001_first.sql",
			"classpath:db/revisions/002_second.sql", "classpath:db/revisions/003_third.sql",
			"classpath:db/revisions/010_tenth.sql", "classpath:db/revisions/a dir/004 with space.sql",
			"classpath:db/revisions/z_last/005_tasks.sql");

	@TempDir
	Path temp;

	private Path directory;

	private Path jar;

	@BeforeEach
	void createDirectoryAndJar() throws IOException {
		this.directory = this.temp.resolve("classes");
		for (Map.Entry<String, String> file : FILES.entrySet()) {
			Path path = this.directory.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		this.jar = this.temp.resolve("revisions.jar");
		List<String> names = new ArrayList<>(FILES.keySet());
		Collections.reverse(names);
		writeJar(this.jar, names, true);
	}

	@Test
	void loadsFromADirectoryInPathOrder() {
		List<RevisionScript> scripts = load(this.directory, "classpath:db/revisions");
		assertThat(scripts).extracting(RevisionScript::id).containsExactlyElementsOf(EXPECTED_ORDER);
		assertThat(scripts).extracting((script) -> script.node().source()).containsExactlyElementsOf(EXPECTED_SOURCES);
	}

	@Test
	void loadsTheSameRevisionsFromAJarInTheSameOrder() {
		List<RevisionScript> fromDirectory = load(this.directory, "classpath:db/revisions");
		List<RevisionScript> fromJar = load(this.jar, "classpath:db/revisions");
		assertThat(fromJar).extracting(RevisionScript::id).containsExactlyElementsOf(EXPECTED_ORDER);
		assertThat(fromJar).extracting((script) -> script.node())
			.containsExactlyElementsOf(fromDirectory.stream().map(RevisionScript::node).toList());
		assertThat(fromJar).extracting(RevisionScript::checksum)
			.containsExactlyElementsOf(fromDirectory.stream().map(RevisionScript::checksum).toList());
	}

	@Test
	void streamsStatementsFromAJarEntry() throws SQLException {
		SqlRevisionScript script = (SqlRevisionScript) load(this.jar, "classpath:db/revisions").get(4);
		List<SqlStatement> statements = new ArrayList<>();
		script.forEachUpgradeStatement(statements::add);
		assertThat(script.location()).isEqualTo("classpath:db/revisions/a dir/004 with space.sql");
		assertThat(statements).containsExactly(new SqlStatement("CREATE TABLE t004 (id int)", 6));
	}

	@Test
	void smallJarEntriesAreReadDuringTheScanSoTheJarIsNotOpenedAgainForEachFile() throws Exception {
		Path copy = Files.copy(this.jar, this.temp.resolve("copy.jar"));
		SqlRevisionScript script = (SqlRevisionScript) load(copy, "classpath:db/revisions").get(0);
		Files.delete(copy);

		List<SqlStatement> statements = new ArrayList<>();
		script.forEachUpgradeStatement(statements::add);
		assertThat(statements).containsExactly(new SqlStatement("CREATE TABLE t001 (id int)", 6));
	}

	@Test
	void mergesSeveralClasspathRootsByPathAndTheFirstRootShadowsTheSamePath() throws IOException {
		Path extraJar = this.temp.resolve("extra.jar");
		Map<String, String> extra = Map.of("db/revisions/0025_between.sql", revision("0025", "002"),
				"db/revisions/001_first.sql", revision("shadowed", "None"));
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(extraJar))) {
			out.putNextEntry(new JarEntry("db/"));
			out.putNextEntry(new JarEntry("db/revisions/"));
			for (Map.Entry<String, String> entry : extra.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
			}
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { url(this.directory), url(extraJar) }, null)) {
			List<RevisionScript> scripts = new RevisionLoader(loader).load(List.of("classpath:db/revisions"));
			assertThat(scripts).extracting(RevisionScript::id)
				.containsExactly("001", "0025", "002", "003", "010", "004", "005");
		}
	}

	@Test
	void locationsAreLoadedInTheOrderGivenAndEachOnlyOnce() {
		List<RevisionScript> scripts = load(this.directory, "classpath:db/other", "db/revisions",
				"classpath:/db/other/");
		assertThat(scripts).extracting(RevisionScript::id)
			.containsExactly("999", "001", "002", "003", "010", "004", "005");
	}

	@Test
	void loadsAFilesystemLocation() {
		Path revisions = this.directory.resolve("db/revisions");
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.load(List.of("filesystem:" + revisions));
		assertThat(scripts).extracting(RevisionScript::id).containsExactlyElementsOf(EXPECTED_ORDER);
		assertThat(scripts.get(0).node().source()).isEqualTo(
				"filesystem:" + revisions.toAbsolutePath().resolve("001_first.sql").toString().replace('\\', '/'));
	}

	@Test
	void relativeFilesystemLocationResolvesAgainstTheWorkingDirectoryAndNamesAbsolutePaths() {
		Path revisions = this.directory.resolve("db/revisions").toAbsolutePath();
		Path relative = Path.of("").toAbsolutePath().relativize(revisions);
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.load(List.of("filesystem:" + relative));
		assertThat(scripts).extracting(RevisionScript::id).containsExactlyElementsOf(EXPECTED_ORDER);
		assertThat(scripts.get(0).node().source())
			.isEqualTo("filesystem:" + revisions.normalize().resolve("001_first.sql").toString().replace('\\', '/'));
	}

	@Test
	void missingFilesystemLocationIsAnError() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(RevisionLocationException.class)
			.isThrownBy(() -> new RevisionLoader(getClass().getClassLoader()).load(List.of("filesystem:" + missing)))
			.withMessage("location 'filesystem:" + missing + "' does not exist (" + missing
					+ "); create the directory or correct the location");
	}

	@Test
	void filesystemLocationThatIsAFileIsAnError() {
		Path file = this.directory.resolve("db/revisions/001_first.sql");
		assertThatExceptionOfType(RevisionLocationException.class)
			.isThrownBy(() -> new RevisionLoader(getClass().getClassLoader()).load(List.of("filesystem:" + file)))
			.withMessage("location 'filesystem:" + file + "' is not a directory (" + file
					+ "); name the directory that holds the revision files");
	}

	@Test
	void missingClasspathLocationHoldsNoRevisions() {
		assertThat(load(this.directory, "classpath:db/nothing")).isEmpty();
	}

	@Test
	void invalidFileInAJarIsReportedWithItsLocation() throws IOException {
		Path bad = this.temp.resolve("bad.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(bad))) {
			out.putNextEntry(new JarEntry("db/"));
			out.putNextEntry(new JarEntry("db/revisions/"));
			out.putNextEntry(new JarEntry("db/revisions/001_bad.sql"));
			out.write("-- revision: 001\n-- revises: 000\n-- +upgrade\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(() -> load(bad, "classpath:db/revisions"))
			.withMessage("classpath:db/revisions/001_bad.sql:2: unknown header key 'revises'; did you mean "
					+ "'down_revision'?");
	}

	private List<RevisionScript> load(Path root, String... locations) {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { url(root) }, null)) {
			return new RevisionLoader(loader).load(List.of(locations));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static URL url(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void writeJar(Path target, List<String> names, boolean directoryEntries) throws IOException {
		try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file)) {
			if (directoryEntries) {
				for (String directory : List.of("db/", "db/other/", "db/revisions/", "db/revisions/z_last/",
						"db/revisions/a dir/")) {
					out.putNextEntry(new JarEntry(directory));
				}
			}
			for (String name : names) {
				out.putNextEntry(new JarEntry(name));
				out.write(FILES.get(name).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static String revision(String id, String down) {
		return "-- Revision " + id + "\n-- revision: " + id + "\n-- down_revision: " + down + "\n\n-- +upgrade\n"
				+ "CREATE TABLE t" + id + " (id int);\n-- +downgrade\nDROP TABLE t" + id + ";\n";
	}

}
