package dev.migrations.core.internal.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.core.RevisionFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every error in a SQL revision file names the file and the line and says what to do.
 */
class RevisionHeaderErrorTests {

	private static final String FILE = SqlRevisionFileTests.FILE;

	@TempDir
	Path directory;

	@Test
	void missingRevision() {
		assertError("-- Add tasks\n-- down_revision: 001\n\n-- +upgrade\nSELECT 1;\n", 1,
				"the header has no 'revision' key; add a line '-- revision: <id>' (1-64 letters, digits, '_' or '.') "
						+ "before '-- +upgrade' on line 4");
	}

	@Test
	void emptyRevision() {
		assertError("-- revision:\n-- +upgrade\n", 1,
				"empty value for 'revision'; give the revision id (1-64 letters, digits, '_' or '.')");
	}

	@Test
	void malformedRevision() {
		assertError("-- Add tasks\n-- revision: abc-123\n-- +upgrade\n", 2,
				"invalid revision id 'abc-123' in 'revision': use 1-64 letters, digits, '_' or '.'");
		assertError("-- revision: " + "a".repeat(65) + "\n-- +upgrade\n", 1,
				"invalid revision id '" + "a".repeat(65) + "' in 'revision': use 1-64 letters, digits, '_' or '.'");
	}

	@Test
	void reservedRevision() {
		assertError("-- revision: head\n-- +upgrade\n", 1,
				"'head' in 'revision' is reserved and cannot be a revision id; choose another id");
	}

	@Test
	void malformedDownRevision() {
		assertError("-- revision: 002\n-- down_revision: ('001', '003')\n-- +upgrade\n", 2,
				"invalid revision id '('001'' in 'down_revision': use 1-64 letters, digits, '_' or '.'; "
						+ "write values bare and comma-separated, e.g. 'a1b2, c3d4'");
		assertError("-- revision: 002\n-- down_revision: 001,,003\n-- +upgrade\n", 2,
				"empty item in 'down_revision'; separate values with single commas");
		assertError("-- revision: 002\n-- down_revision: 001, 001\n-- +upgrade\n", 2,
				"'down_revision' lists '001' twice; list it once");
	}

	@Test
	void malformedBranchLabel() {
		assertError("-- revision: 002\n-- branch_labels: my@label\n-- +upgrade\n", 2,
				"invalid value 'my@label' in 'branch_labels': use 1-64 letters, digits, '_', '.' or '-', "
						+ "not starting with '.' or '-'");
	}

	@Test
	void misspeltDownRevisionKey() {
		assertError("-- revision: 002\n-- down-revision: 001\n-- +upgrade\n", 2,
				"unknown header key 'down-revision'; did you mean 'down_revision'?");
	}

	@Test
	void alembicStyleKeys() {
		assertError("-- revision: 002\n-- revises: 001\n-- +upgrade\n", 2,
				"unknown header key 'revises'; did you mean 'down_revision'?");
		assertError("-- Revision ID: 002\n-- +upgrade\n", 1,
				"unknown header key 'Revision ID'; did you mean 'revision'?");
		assertError("-- revision: 002\n-- Create Date: 2025-01-01\n-- +upgrade\n", 2,
				"unknown header key 'Create Date'; did you mean 'create_date'?");
	}

	@Test
	void keysWithTyposOrCapitals() {
		assertError("-- revison: 002\n-- +upgrade\n", 1, "unknown header key 'revison'; did you mean 'revision'?");
		assertError("-- Revision: 002\n-- +upgrade\n", 1, "unknown header key 'Revision'; did you mean 'revision'?");
		assertError("-- revision: 002\n-- depend_on: 001\n-- +upgrade\n", 2,
				"unknown header key 'depend_on'; did you mean 'depends_on'?");
		assertError("-- revision: 002\n-- branch_label: x\n-- +upgrade\n", 2,
				"unknown header key 'branch_label'; did you mean 'branch_labels'?");
	}

	@Test
	void duplicateKey() {
		assertError("-- revision: 002\n-- down_revision: 001\n-- down_revision: 003\n-- +upgrade\n", 3,
				"duplicate header key 'down_revision' (first on line 2); keep only one");
	}

	@Test
	void transactionalIsStrictlyTrueOrFalse() {
		assertError("-- revision: 002\n-- transactional: no\n-- +upgrade\n", 2,
				"invalid value 'no' for 'transactional': write 'true' or 'false'");
		assertError("-- revision: 002\n-- transactional: TRUE\n-- +upgrade\n", 2,
				"invalid value 'TRUE' for 'transactional': write 'true' or 'false'");
		assertError("-- revision: 002\n-- transactional:\n-- +upgrade\n", 2,
				"empty value for 'transactional'; write 'true' or 'false', or remove the line (the default is true)");
	}

	@Test
	void emptyMessage() {
		assertError("-- revision: 002\n-- message:\n-- +upgrade\n", 2,
				"empty value for 'message'; write a value or remove the line");
	}

	@Test
	void contentBeforeTheHeaderEnds() {
		assertError("-- revision: 002\n\nCREATE TABLE a (id int);\n-- +upgrade\n", 3,
				"SQL before '-- +upgrade'; only '--' comment lines and blank lines may precede it: put a line "
						+ "'-- +upgrade' after the header, before the first statement");
		assertError("/* licence */\n-- revision: 002\n-- +upgrade\n", 1,
				"SQL before '-- +upgrade'; only '--' comment lines and blank lines may precede it: put a line "
						+ "'-- +upgrade' after the header, before the first statement");
	}

	@Test
	void missingUpgrade() {
		assertError("-- revision: 002\n-- down_revision: 001\n", 1,
				"no '-- +upgrade' line; put one after the header, before the first statement (every revision file "
						+ "needs an upgrade section, even an empty one)");
	}

	@Test
	void twoUpgradeSections() {
		assertError("-- revision: 002\n-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n", 4,
				"a second '-- +upgrade' (the first is on line 2); a file has one upgrade section, remove this line");
	}

	@Test
	void twoDowngradeSections() {
		assertError("-- revision: 002\n-- +upgrade\n-- +downgrade\nSELECT 1;\n-- +downgrade\n", 5,
				"a second '-- +downgrade' (the first is on line 3); a file has one downgrade section, remove this line");
	}

	@Test
	void downgradeBeforeUpgrade() {
		assertError("-- revision: 002\n-- +downgrade\nSELECT 1;\n-- +upgrade\n", 2,
				"'-- +downgrade' before '-- +upgrade'; put the upgrade section first");
	}

	@Test
	void misspeltSectionMarkers() {
		assertError("-- revision: 002\n-- +up\nSELECT 1;\n", 2,
				"unknown section marker '-- +up'; did you mean '-- +upgrade'?");
		assertError("-- revision: 002\n-- +upgrade\nSELECT 1;\n  --+Downgrade\n", 4,
				"unknown section marker '--+Downgrade'; did you mean '-- +downgrade'?");
		assertError("-- revision: 002\n-- +upgrad\n", 2,
				"unknown section marker '-- +upgrad'; did you mean '-- +upgrade'?");
		assertError("-- revision: 002\n-- +upgrade the schema\n", 2,
				"'-- +upgrade' must stand alone on its line; move 'the schema' to a line of its own");
	}

	@Test
	void invalidUtf8() throws Exception {
		Path file = this.directory.resolve("latin1.sql");
		Files.write(file, "-- revision: 002\n-- Caf\u00e9\n-- +upgrade\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlRevisionFile.load(new ScriptResource.FileResource(FILE, file)))
			.withMessageStartingWith(FILE + ":")
			.withMessageEndingWith("is not valid UTF-8 (at or after this line); save the file as UTF-8");
	}

	private void assertError(String content, int line, String problem) {
		assertThatExceptionOfType(RevisionFileException.class)
			.isThrownBy(() -> SqlRevisionFileTests.load(this.directory, content))
			.withMessage(FILE + ":" + line + ": " + problem)
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(FILE);
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.problem()).isEqualTo(problem);
			});
	}

}
