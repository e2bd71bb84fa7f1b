package dev.migrations.core.internal.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DirectoryWalkerTests {

	@TempDir
	Path temporary;

	/** The directory walked; links may lead to others in {@link #temporary}. */
	private Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temporary.resolve("revisions"));
	}

	@Test
	void findsCandidatesInNestedAndLinkedDirectoriesByRelativePath() throws IOException {
		Files.writeString(this.root.resolve("001_a.sql"), "");
		Files.writeString(this.root.resolve("notes.txt"), "");
		Path nested = Files.createDirectories(this.root.resolve("v2/deeper"));
		Files.writeString(nested.resolve("002_b.sql"), "");
		Path elsewhere = Files.createDirectories(this.temporary.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("003_c.sql"), "");
		Files.createSymbolicLink(this.root.resolve("linked"), elsewhere);
		Files.createSymbolicLink(this.root.resolve("broken"), this.root.resolve("missing"));

		assertThat(walk(this.root)).containsOnlyKeys("001_a.sql", "v2/deeper/002_b.sql", "linked/003_c.sql")
			.containsEntry("v2/deeper/002_b.sql", nested.resolve("002_b.sql"));
	}

	@Test
	void aLinkBackToADirectoryBeingWalkedIsALoop() throws IOException {
		Path inner = Files.createDirectories(this.root.resolve("inner"));
		Files.createSymbolicLink(inner.resolve("up"), this.root);

		assertThatExceptionOfType(FileSystemLoopException.class).isThrownBy(() -> walk(this.root))
			.withMessageContaining("up");
	}

	@Test
	void theSameDirectoryLinkedTwiceSideBySideIsNoLoop() throws IOException {
		Path shared = Files.createDirectories(this.temporary.resolve("shared"));
		Files.writeString(shared.resolve("001_a.sql"), "");
		Files.createSymbolicLink(this.root.resolve("one"), shared);
		Files.createSymbolicLink(this.root.resolve("two"), shared);

		assertThat(walk(this.root)).containsOnlyKeys("one/001_a.sql", "two/001_a.sql");
	}

	private static Map<String, Path> walk(Path directory) throws IOException {
		Map<String, Path> found = new TreeMap<>();
		DirectoryWalker.walk(directory, List.of(".sql"), found::put);
		return found;
	}

}
