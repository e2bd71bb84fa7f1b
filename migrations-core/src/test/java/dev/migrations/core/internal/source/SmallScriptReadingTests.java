package dev.migrations.core.internal.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import dev.migrations.core.RevisionFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files up to {@link ScriptLines#SMALL_FILE} bytes are read at once; they must give the
 * very lines, checksums and errors that streaming gives.
 */
class SmallScriptReadingTests {

	@TempDir
	Path directory;

	@Test
	void givesTheLinesStreamingGives() throws IOException {
		for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "a\r\n\r\nb\n\n", "\r", "\n\r\n",
				"\uFEFFa\nb", "caf\u00e9\r\n\u20ac\n")) {
			assertThat(lines(ScriptLines.utf8(resource(text))))
				.as("lines of %s", text.replace("\r", "\\r").replace("\n", "\\n"))
				.isEqualTo(lines(ScriptLines.utf8(stream(text))));
		}
	}

	@Test
	void readsLargeFilesByStreaming() throws IOException {
		String line = "INSERT INTO t VALUES ('" + "x".repeat(100) + "');\r\n";
		String text = line.repeat(ScriptLines.SMALL_FILE / line.length() + 2);
		assertThat(text.length()).isGreaterThan(ScriptLines.SMALL_FILE);
		ScriptResource resource = resource(text);
		assertThat(resource.readIfSmall(ScriptLines.SMALL_FILE, new ReadBuffer())).isNull();
		assertThat(lines(ScriptLines.utf8(resource))).hasSize(text.length() / line.length())
			.allMatch((read) -> read.equals(line.strip()));
	}

	@Test
	void smallFilesAreReadIntoTheReusedBufferAndLargerOnesIntoOneOfTheirSize() throws IOException {
		ReadBuffer reused = new ReadBuffer(16);
		String small = "SELECT 1;\n";
		String larger = "SELECT 'a longer statement';\n";
		String exact = "x".repeat(16);
		for (String text : List.of(small, "", larger, small, exact)) {
			ByteBuffer bytes = resource(text).readIfSmall(ScriptLines.SMALL_FILE, reused);
			assertThat(new String(bytes.array(), 0, bytes.limit(), StandardCharsets.UTF_8)).isEqualTo(text);
		}
		assertThat(reused.cleared().capacity()).as("grown to the larger file").isEqualTo(larger.length() + 1);
	}

	@Test
	void aFileLargerThanTheLimitAndTheBufferIsStreamed() throws IOException {
		assertThat(resource("x".repeat(100)).readIfSmall(50, new ReadBuffer(16))).isNull();
	}

	@Test
	void invalidUtf8InASmallFileIsReportedAtItsLine() throws IOException {
		Path file = this.directory.resolve("latin1.sql");
		Files.write(file, "-- revision: 002\n-- Caf\u00e9\n-- +upgrade\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlRevisionFile.load(new ScriptResource.FileResource("x.sql", file)))
			.withMessageEndingWith("is not valid UTF-8 (at or after this line); save the file as UTF-8")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
	}

	@Test
	void invalidUtf8InASectionIsReportedAtItsLine() throws IOException {
		Path file = this.directory.resolve("latin1-section.sql");
		Files.write(file, "-- revision: 002\n-- +upgrade\nSELECT 1;\nSELECT 'Caf\u00e9';\n-- +downgrade\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlRevisionFile.load(new ScriptResource.FileResource("x.sql", file)))
			.withMessageEndingWith("is not valid UTF-8 (at or after this line); save the file as UTF-8")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(4));
	}

	@Test
	void checksumOfLinesHashedAsBytesIsThatOfTheDecodedLinesForAnyMixOfLineEnds() throws Exception {
		List<String> pool = List.of("SELECT 1;", "", "  -- a comment", "-- +update the counters",
				"\tCREATE TABLE t (a int);", "INSERT INTO t VALUES ('caf\u00e9');", "   ", "-- + not a marker",
				"x".repeat(200));
		List<String> ends = List.of("\n", "\r\n", "\r");
		String padding = "-- " + "x".repeat(ScriptLines.SMALL_FILE) + "\n";
		Random random = new Random(20261208);
		for (int round = 0; round < 300; round++) {
			StringBuilder upgrade = new StringBuilder();
			MessageDigest expected = MessageDigest.getInstance("SHA-256");
			int count = random.nextInt(12);
			boolean afterCr = false;
			for (int i = 0; i < count; i++) {
				String line = pool.get(random.nextInt(pool.size()));
				if (afterCr && line.isEmpty()) {
					line = "SELECT 1;"; // an empty line after a \r would make its \r\n
										// one line end
				}
				String end = (i == count - 1 && random.nextBoolean()) ? "" : ends.get(random.nextInt(3));
				afterCr = end.equals("\r");
				upgrade.append(line).append(end);
				if (!line.isEmpty() || !end.isEmpty()) { // nothing after the last line
															// end is no line
					expected.update((line + "\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			String ending = (upgrade.length() > 0 && upgrade.charAt(upgrade.length() - 1) != '\n'
					&& upgrade.charAt(upgrade.length() - 1) != '\r') ? "\n" : "";
			String downgrade = random.nextBoolean() ? ending + "-- +downgrade\nDROP TABLE t;\n" : "";
			String text = "-- revision: 002\n-- +upgrade\n" + upgrade + downgrade;
			String hex = HexFormat.of().formatHex(expected.digest());
			assertThat(SqlRevisionFile.load(resource(text)).checksum()).as("read at once: %s", text).isEqualTo(hex);
			assertThat(SqlRevisionFile.load(resource(padding + text)).checksum()).as("streamed: %s", text)
				.isEqualTo(hex);
		}
	}

	@Test
	void aReplacementCharacterWrittenInTheFileIsText() throws Exception {
		SqlRevisionScript script = SqlRevisionFileTests.load(this.directory,
				"-- revision: 002\n-- +upgrade\nSELECT '\uFFFD';\n");
		assertThat(SqlRevisionFileTests.statements(script, true))
			.containsExactly(new SqlStatement("SELECT '\uFFFD'", 3));
	}

	@Test
	void smallAndStreamedFilesHaveTheSameChecksum() throws IOException {
		String small = "-- revision: 002\n-- +upgrade\nSELECT 1;\r\n-- +downgrade\n";
		String padding = "-- " + "x".repeat(ScriptLines.SMALL_FILE) + "\n";
		SqlRevisionScript smallScript = SqlRevisionFile.load(resource(small));
		SqlRevisionScript largeScript = SqlRevisionFile.load(resource(padding + small));
		assertThat(largeScript.checksum()).isEqualTo(smallScript.checksum());
	}

	@Test
	void checksumOfNonAsciiLinesIsTheSha256OfTheirUtf8() throws Exception {
		String upgrade = "INSERT INTO t VALUES ('caf\u00e9 \u20ac \uD83D\uDE00');\n" + "x".repeat(300)
				+ "\nSELECT 1;\n";
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(upgrade.getBytes(StandardCharsets.UTF_8)));
		assertThat(SqlRevisionFile.load(resource("-- revision: 002\n-- +upgrade\n" + upgrade)).checksum())
			.isEqualTo(expected);
	}

	@Test
	void aChecksumReusedAfterAFailedLoadStartsAfresh() throws IOException {
		String good = "-- revision: 002\n-- +upgrade\nSELECT 1;\n";
		String expected = SqlRevisionFile.load(resource(good)).checksum();
		SqlRevisionFile.LineChecksum checksum = new SqlRevisionFile.LineChecksum();
		ScriptResource bad = resource("-- revision: 003\n-- +upgrade\nSELECT 1;\n-- +upgrade\n");
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlRevisionFile.load(bad, checksum, new ReadBuffer()));
		assertThat(SqlRevisionFile.load(resource(good), checksum, new ReadBuffer()).checksum()).isEqualTo(expected);
		assertThat(SqlRevisionFile.load(resource(good), checksum, new ReadBuffer()).checksum()).isEqualTo(expected);
	}

	@Test
	void keyLinesMayHaveBlanksAroundTheColon() throws IOException {
		SqlRevisionScript script = SqlRevisionFile
			.load(resource("--revision :002\n--  down_revision:\t001 \n-- +upgrade\n"));
		assertThat(script.node().id()).isEqualTo("002");
		assertThat(script.node().downRevisions()).containsExactly("001");
	}

	private ScriptResource resource(String text) throws IOException {
		Path file = Files.createTempFile(this.directory, "script", ".sql");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return new ScriptResource.FileResource("x.sql", file);
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> lines(ScriptLines lines) throws IOException {
		List<String> read = new ArrayList<>();
		try (lines) {
			String line;
			while ((line = lines.next()) != null) {
				read.add(line);
			}
		}
		return read;
	}

}
