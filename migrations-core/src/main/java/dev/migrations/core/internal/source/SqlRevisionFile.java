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
 * Reads SQL revision files: once at load time for the header, the section structure and
 * the checksum, once more before a run to {@linkplain #check check} the statements of a
 * revision that will run, and again, streaming, for each run of a section's statements.
 * <p>
 * A file is: the header (blank and {@code --} lines), a line {@code -- +upgrade}, the
 * upgrade section, and optionally a line {@code -- +downgrade} followed by the downgrade
 * section, which runs to the end of the file.
 */
final class SqlRevisionFile {

	private SqlRevisionFile() {
	}

	/**
	 * Reads the header, checks the sections and computes the checksum. The statements are
	 * not split here: {@link #check} does that before they run.
	 */
	static SqlRevisionScript load(ScriptResource resource) {
		return load(resource, new LineChecksum(), new ReadBuffer());
	}

	/**
	 * As {@link #load(ScriptResource)}, computing the checksum with {@code checksum} and
	 * reading a small file into {@code buffer}, which a loader reuses from file to file.
	 * The sections' lines are looked at only for markers and hashed as they are in the
	 * file (ASCII lines, nearly all SQL, are never decoded): this runs for every revision
	 * on every start.
	 */
	static SqlRevisionScript load(ScriptResource resource, LineChecksum checksum, ReadBuffer buffer) {
		String file = resource.location();
		RevisionHeaderParser header = new RevisionHeaderParser(file);
		checksum.reset();
		int upgradeLine = 0;
		int downgradeLine = 0;
		try (ScriptLines lines = ScriptLines.utf8(resource, buffer)) {
			String line;
			while (upgradeLine == 0 && (line = next(lines, file)) != null) {
				int number = lines.lineNumber();
				SectionMarker marker = SectionMarker.of(line, file, number);
				if (marker == SectionMarker.UPGRADE) {
					upgradeLine = number;
				}
				else if (marker == SectionMarker.DOWNGRADE) {
					throw new RevisionFileException(file, number,
							"'-- +downgrade' before '-- +upgrade'; put the upgrade section first");
				}
				else {
					header.line(line, number);
				}
			}
			while (upgradeLine != 0
					&& (line = nextCandidate(lines, file, (downgradeLine == 0) ? checksum : null)) != null) {
				int number = lines.lineNumber();
				SectionMarker marker = SectionMarker.of(line, file, number);
				if (marker == SectionMarker.UPGRADE) {
					throw new RevisionFileException(file, number, "a second '-- +upgrade' (the first is on line "
							+ upgradeLine + "); a file has one upgrade section, remove this line");
				}
				if (marker == SectionMarker.DOWNGRADE) {
					if (downgradeLine != 0) {
						throw new RevisionFileException(file, number, "a second '-- +downgrade' (the first is on line "
								+ downgradeLine + "); a file has one downgrade section, remove this line");
					}
					downgradeLine = number;
				}
				else if (downgradeLine == 0) {
					checksum.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new RevisionFileException(file, 1, "cannot be read: " + ex.getMessage(), ex);
		}
		if (upgradeLine == 0) {
			throw new RevisionFileException(file, 1, "no '-- +upgrade' line; put one after the header, before the "
					+ "first statement (every revision file needs an upgrade section, even an empty one)");
		}
		RevisionHeader parsed = header.finish(upgradeLine);
		RevisionNode node = new RevisionNode(parsed.revision(), parsed.downRevisions(), parsed.dependsOn(),
				new LinkedHashSet<>(parsed.branchLabels()), parsed.message(), file, downgradeLine != 0);
		return new SqlRevisionScript(node, checksum.hex(), parsed.transactional(), parsed.createDate(), resource,
				parsed.lintIgnore(), parsed.lintIgnoreLine());
	}

	/**
	 * Splits both sections without keeping their statements, so that a string or comment
	 * left open, {@code COPY ... FROM STDIN}, or (in a transactional revision)
	 * transaction control is reported before anything runs. The sections are split with
	 * {@code syntax}; when it is not known ({@code null}, the database type not
	 * configured), with PostgreSQL's, and a file that fails there but splits as a
	 * MariaDB/MySQL script fails with a hint to configure the database type. A small file
	 * is read into {@code buffer}, which a caller checking several reuses.
	 * @throws RevisionFileException naming the file and line of the first problem
	 */
	static void check(ScriptResource resource, @Nullable SqlSyntax syntax, boolean transactional, ReadBuffer buffer) {
		if (syntax != null) {
			checkWith(resource, syntax, transactional, buffer);
			return;
		}
		try {
			checkWith(resource, SqlSyntax.POSTGRESQL, transactional, buffer);
		}
		catch (RevisionFileException ex) {
			try {
				checkWith(resource, SqlSyntax.MYSQL, transactional, buffer);
			}
			catch (RevisionFileException mysql) {
				throw ex;
			}
			if (!hasMySqlMarkers(resource)) {
				throw ex;
			}
			throw new RevisionFileException(ex.file(), ex.line(),
					ex.problem() + " (split as a PostgreSQL script; "
							+ "it splits as a MariaDB/MySQL script: if it is one, configure the database type, "
							+ "databaseType(DatabaseType.MARIADB), which the CLI and the Spring Boot starter take from "
							+ "the JDBC URL)",
					ex);
		}
	}

	private static void checkWith(ScriptResource resource, SqlSyntax syntax, boolean transactional, ReadBuffer buffer) {
		String file = resource.location();
		StatementCheck statementCheck = new StatementCheck(file);
		ScriptSplitter splitter = null;
		try (ScriptLines lines = ScriptLines.utf8(resource, buffer)) {
			String line;
			while ((line = next(lines, file)) != null) {
				SectionMarker marker = SectionMarker.of(line, file, lines.lineNumber());
				if (marker != null) {
					if (splitter != null) {
						splitter.finish();
					}
					splitter = syntax.splitter(file, statementCheck);
				}
				else if (splitter != null) {
					splitter.line(line, lines.lineNumber());
				}
			}
			if (splitter != null) {
				splitter.finish();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The statement check handles no statements", ex);
		}
		catch (IOException ex) {
			throw new RevisionFileException(file, 1, "cannot be read: " + ex.getMessage(), ex);
		}
		if (transactional && statementCheck.transactionControl != null) {
			throw new RevisionFileException(file, statementCheck.transactionControlLine, "'"
					+ statementCheck.transactionControl + "' ends the transaction the revision runs in, so a failure "
					+ "after it could no longer be rolled back whole; remove it (Migrations begins and commits the "
					+ "revision's transaction with its state rows), or mark the revision '-- transactional: false' "
					+ "to run its statements in autocommit");
		}
	}

	/**
	 * Whether the file holds what only MariaDB/MySQL scripts hold: a backtick, a
	 * {@code #}, a backslash or {@code DELIMITER}. Read only after a failure.
	 */
	private static boolean hasMySqlMarkers(ScriptResource resource) {
		try (ScriptLines lines = ScriptLines.utf8(resource)) {
			String line;
			while ((line = lines.next()) != null) {
				if (line.indexOf('`') >= 0 || line.indexOf('#') >= 0 || line.indexOf('\\') >= 0
						|| line.regionMatches(true, 0, "delimiter ", 0, "delimiter ".length())) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Streams the statements of one section.
	 * @return whether the file has the section
	 */
	static boolean forEachStatement(ScriptResource resource, SectionMarker section, SqlSyntax syntax,
			StatementHandler handler) throws SQLException {
		String file = resource.location();
		ScriptSplitter splitter = syntax.splitter(file, handler);
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

	private static @Nullable String nextCandidate(ScriptLines lines, String file, @Nullable LineChecksum checksum)
			throws IOException {
		try {
			return lines.nextMarkerCandidate(checksum);
		}
		catch (CharacterCodingException ex) {
			throw new RevisionFileException(file, lines.lineNumber() + 1,
					"is not valid UTF-8 (at or after this line); save the file as UTF-8", ex);
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

		/** Adds bytes as they are: lines of ASCII, each followed by its {@code \n}. */
		void add(byte[] bytes, int offset, int length) {
			this.digest.update(bytes, offset, length);
		}

		/** Adds the {@code \n} that ends a line added without one. */
		void newLine() {
			this.digest.update((byte) '\n');
		}

		void reset() {
			this.digest.reset();
		}

		/** The checksum of the lines added since the last reset. */
		String hex() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	/**
	 * A new SHA-256 digest: a clone of one looked up once, since a provider lookup costs
	 * every load tens of microseconds (more in a JVM that is starting) and a clone of a
	 * digest never updated is safe from any thread.
	 */
	private static MessageDigest sha256() {
		try {
			return (MessageDigest) Sha256.PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			return Sha256.lookUp();
		}
	}

	/** The digest cloned for each checksum. */
	private static final class Sha256 {

		static final MessageDigest PROTOTYPE = lookUp();

		static MessageDigest lookUp() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
			}
		}

	}

}
