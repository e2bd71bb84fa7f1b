package dev.migrations.core.internal.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checksum is the SHA-256 of the upgrade section with {@code \n} line ends.
 */
class ChecksumTests {

	private static final String HEADER = "-- Create a\n-- revision: 002\n-- +upgrade\n";

	private static final String UPGRADE = "CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n";

	@TempDir
	Path directory;

	@Test
	void isTheSha256OfTheUpgradeSectionLines() throws Exception {
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(UPGRADE.getBytes(StandardCharsets.UTF_8)));
		assertThat(checksum(HEADER + UPGRADE + "-- +downgrade\nDROP TABLE a;\n")).isEqualTo(expected)
			.matches("[0-9a-f]{64}");
		assertThat(checksum(HEADER + UPGRADE)).isEqualTo(expected);
	}

	@Test
	void isTheSameForLfCrlfAndCrCopies() {
		String lf = HEADER + UPGRADE + "-- +downgrade\nDROP TABLE a;\n";
		assertThat(checksum(lf.replace("\n", "\r\n"))).isEqualTo(checksum(lf));
		assertThat(checksum(lf.replace("\n", "\r"))).isEqualTo(checksum(lf));
		assertThat(checksum("\uFEFF" + lf)).isEqualTo(checksum(lf));
	}

	@Test
	void ignoresAMissingFinalLineEnd() {
		assertThat(checksum(HEADER + "SELECT 1;")).isEqualTo(checksum(HEADER + "SELECT 1;\n"));
	}

	@Test
	void doesNotChangeWhenTheDowngradeOrHeaderIsEdited() {
		String original = checksum(HEADER + UPGRADE + "-- +downgrade\nDROP TABLE a;\n");
		assertThat(checksum(HEADER + UPGRADE + "-- +downgrade\nDROP TABLE IF EXISTS a CASCADE;\n")).isEqualTo(original);
		assertThat(checksum(HEADER + UPGRADE + "-- +downgrade\n")).isEqualTo(original);
		assertThat(checksum("-- Create table a\n-- revision: 002\n-- +upgrade\n" + UPGRADE)).isEqualTo(original);
	}

	@Test
	void changesWhenTheUpgradeIsEdited() {
		String original = checksum(HEADER + UPGRADE);
		assertThat(checksum(HEADER + UPGRADE.replace("(1)", "(2)"))).isNotEqualTo(original);
		assertThat(checksum(HEADER + UPGRADE + "\n")).isNotEqualTo(original);
		assertThat(checksum(HEADER + "  " + UPGRADE)).isNotEqualTo(original);
	}

	private String checksum(String content) {
		return SqlRevisionFileTests.load(this.directory, content).checksum();
	}

}
