package dev.migrations.core.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.core.RevisionFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A location of {@link SqlFileReader#PARALLEL_FROM} files or more is read on two threads:
 * the result and its errors are those of reading on one.
 */
class ParallelLoadingTests {

	private static final int COUNT = SqlFileReader.PARALLEL_FROM + 44;

	@TempDir
	Path directory;

	@Test
	void givesTheRevisionsInLoadOrderWithTheChecksumsOfASequentialRead() throws IOException {
		write(-1, -1);

		List<RevisionScript> parallel = load();

		assertThat(parallel).hasSize(COUNT);
		assertThat(parallel).extracting(RevisionScript::id)
			.containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, COUNT).mapToObj(ParallelLoadingTests::id).toList());
		for (int i = 0; i < COUNT; i++) {
			SqlRevisionScript alone = SqlRevisionFile
				.load(new ScriptResource.FileResource("x.sql", this.directory.resolve(file(i))));
			assertThat(parallel.get(i).checksum()).as(id(i)).isEqualTo(alone.checksum());
		}
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("migrations-revision-reader");
	}

	@Test
	void anInvalidFileInTheHalfReadByTheSecondThreadIsReported() throws IOException {
		write(-1, COUNT - 3);

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(this::load)
			.satisfies((ex) -> assertThat(ex.file()).endsWith(file(COUNT - 3)));
	}

	@Test
	void ofTwoInvalidFilesTheFirstInLoadOrderIsReported() throws IOException {
		write(3, COUNT - 3);

		assertThatExceptionOfType(RevisionFileException.class).isThrownBy(this::load)
			.satisfies((ex) -> assertThat(ex.file()).endsWith(file(3)));
	}

	private List<RevisionScript> load() {
		return new RevisionLoader(getClass().getClassLoader()).load(List.of("filesystem:" + this.directory));
	}

	/** Writes a chain of revisions, those at {@code invalid} without an upgrade line. */
	private void write(int invalid, int alsoInvalid) throws IOException {
		for (int i = 0; i < COUNT; i++) {
			String parent = (i == 0) ? "None" : id(i - 1);
			String upgrade = (i == invalid || i == alsoInvalid) ? "" : "-- +upgrade\n";
			Files.writeString(this.directory.resolve(file(i)),
					"-- revision: " + id(i) + "\n-- down_revision: " + parent + "\n\n" + upgrade + "CREATE TABLE t_" + i
							+ " (id int);\n-- +downgrade\nDROP TABLE t_" + i + ";\n");
		}
	}

	private static String file(int i) {
		return String.format("%05d_r.sql", i);
	}

	private static String id(int i) {
		return String.format("r%05d", i);
	}

}
