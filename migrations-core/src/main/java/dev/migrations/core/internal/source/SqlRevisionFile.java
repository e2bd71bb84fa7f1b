package dev.migrations.core.internal.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashSet;

import dev.migrations.core.RevisionFileException;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads SQL revision files, streaming line by line: once at load time for the header, the
 * section structure and the checksum, and again for each run of a section's statements.
 * <p>
 * A file is: the header (blank and {@code --} lines), a line {@code -- +upgrade}, the
 * upgrade section, and optionally a line {@code -- +downgrade} followed by the downgrade
 * section, which runs to the end of the file.
 */
final class SqlRevisionFile {

	private SqlRevisionFile() {
	}

	/**
	 * Reads the header, checks the sections, computes the checksum, and splits both
	 * sections without keeping their statements, so that a string or comment left open is
	 * reported before anything runs.
	 */
	static SqlRevisionScript load(ScriptResource resource) {
		return load(resource, new LineChecksum(), new ReadBuffer());
	}

	/**
	 * As {@link #load(ScriptResource)}, computing the checksum with {@code checksum} and
	 * reading a small file into {@code buffer}, which a loader reuses from file to file.
	 */
	static SqlRevisionScript load(ScriptResource resource, LineChecksum checksum, ReadBuffer buffer) {
		String file = resource.location();
		RevisionHeaderParser header = new RevisionHeaderParser(file);
		checksum.reset();
		StatementCheck statementCheck = new StatementCheck(file);
		SqlStatementSplitter check = new SqlStatementSplitter(file, statementCheck);
		int upgradeLine = 0;
		int downgradeLine = 0;
		try (ScriptLines lines = ScriptLines.utf8(resource, buffer)) {
			String line;
			while ((line = next(lines, file)) != null) {
				int number = lines.lineNumber();
				SectionMarker marker = SectionMarker.of(line, file, number);
				if (marker == SectionMarker.UPGRADE) {
					if (upgradeLine != 0) {
						throw new RevisionFileException(file, number, "a second '-- +upgrade' (the first is on line "
								+ upgradeLine + "); a file has one upgrade section, remove this line");
					}
					upgradeLine = number;
				}
				else if (marker == SectionMarker.DOWNGRADE) {
					if (upgradeLine == 0) {
						throw new RevisionFileException(file, number,
								"'-- +downgrade' before '-- +upgrade'; put the upgrade section first");
					}
					if (downgradeLine != 0) {
						throw new RevisionFileException(file, number, "a second '-- +downgrade' (the first is on line "
								+ downgradeLine + "); a file has one downgrade section, remove this line");
					}
					downgradeLine = number;
					check.finish();
					check = new SqlStatementSplitter(file, statementCheck);
				}
				else if (upgradeLine == 0) {
					header.line(line, number);
				}
				else {
					if (downgradeLine == 0) {
						checksum.add(line);
					}
					check.line(line, number);
				}
			}
			if (upgradeLine != 0) {
				check.finish();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The statement check handles no statements", ex);
		}
		catch (IOException ex) {
			throw new RevisionFileException(file, 1, "cannot be read: " + ex.getMessage(), ex);
		}
		if (upgradeLine == 0) {
			throw new RevisionFileException(file, 1, "no '-- +upgrade' line; put one after the header, before the "
					+ "first statement (every revision file needs an upgrade section, even an empty one)");
		}
		RevisionHeader parsed = header.finish(upgradeLine);
		if (parsed.transactional() && statementCheck.transactionControl != null) {
			throw new RevisionFileException(file, statementCheck.transactionControlLine, "'"
					+ statementCheck.transactionControl + "' ends the transaction the revision runs in, so a failure "
					+ "after it could no longer be rolled back whole; remove it (Migrations begins and commits the "
					+ "revision's transaction with its state rows), or mark the revision '-- transactional: false' "
					+ "to run its statements in autocommit");
		}
		RevisionNode node = new RevisionNode(parsed.revision(), parsed.downRevisions(), parsed.dependsOn(),
				new LinkedHashSet<>(parsed.branchLabels()), parsed.message(), file, downgradeLine != 0);
		return new SqlRevisionScript(node, checksum.hex(), parsed.transactional(), parsed.createDate(), resource,
				parsed.lintIgnore(), parsed.lintIgnoreLine());
	}

	/**
	 * Streams the statements of one section.
	 * @return whether the file has the section
	 */
	static boolean forEachStatement(ScriptResource resource, SectionMarker section, StatementHandler handler)
			throws SQLException {
		String file = resource.location();
		SqlStatementSplitter splitter = new SqlStatementSplitter(file, handler);
		boolean inSection = false;
		try (ScriptLines lines = ScriptLines.utf8(resource)) {
			String line;
			while ((line = next(lines, file)) != null) {
				SectionMarker marker = SectionMarker.of(line, file, lines.lineNumber());
				if (inSection) {
					if (marker != null) {
						break;
					}
					splitter.line(line, lines.lineNumber());
				}
				else {
					inSection = (marker == section);
				}
			}
		}
		catch (IOException ex) {
			throw new RevisionFileException(file, 1, "cannot be read: " + ex.getMessage(), ex);
		}
		if (inSection) {
			splitter.finish();
		}
		return inSection;
	}

	/** Remembers the first transaction control statement of the file. */
	private static final class StatementCheck implements StatementHandler {

		@Nullable String transactionControl;

		int transactionControlLine;

		private final String file;

		StatementCheck(String file) {
			this.file = file;
		}

		@Override
		public void handle(SqlStatement statement) {
			if (StatementChecks.isCopyFromStdin(statement.sql())) {
				throw new RevisionFileException(this.file, statement.line(), "COPY ... FROM STDIN reads data that "
						+ "follows it in the script, which only psql can send; load the data with INSERT statements, "
						+ "or with COPY ... FROM a file or PROGRAM on the database server");
			}
			if (this.transactionControl == null) {
				this.transactionControl = StatementChecks.transactionControl(statement.sql());
				this.transactionControlLine = statement.line();
			}
		}

	}

	private static @Nullable String next(ScriptLines lines, String file) throws IOException {
		try {
			return lines.next();
		}
		catch (CharacterCodingException ex) {
			throw new RevisionFileException(file, lines.lineNumber() + 1,
					"is not valid UTF-8 (at or after this line); save the file as UTF-8", ex);
		}
	}

	/**
	 * The SHA-256 of lines, each encoded as UTF-8 and followed by {@code \n}. ASCII lines
	 * (nearly all SQL) are copied into one reused buffer rather than encoded into a new
	 * array each; one instance serves file after file.
	 */
	static final class LineChecksum {

		private final MessageDigest digest = sha256();

		private byte[] buffer = new byte[128];

		void add(String line) {
			int length = line.length();
			if (this.buffer.length <= length) {
				this.buffer = new byte[Math.max(length + 1, 2 * this.buffer.length)];
			}
			for (int i = 0; i < length; i++) {
				char c = line.charAt(i);
				if (c >= 0x80) {
					this.digest.update(line.getBytes(StandardCharsets.UTF_8));
					this.digest.update((byte) '\n');
					return;
				}
				this.buffer[i] = (byte) c;
			}
			this.buffer[length] = '\n';
			this.digest.update(this.buffer, 0, length + 1);
		}

		void reset() {
			this.digest.reset();
		}

		/** The checksum of the lines added since the last reset. */
		String hex() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
