package dev.migrations.core.internal.source;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.migrations.core.internal.source.SqlRevisionFile.LineChecksum;
import org.jspecify.annotations.Nullable;

/**
 * Reads a script line by line, counting lines: {@code \n}, {@code \r\n} and a lone
 * {@code \r} each end a line, and a UTF-8 byte order mark at the start is dropped. A
 * large script is streamed, one line held at a time; a small one is read at once.
 */
final class ScriptLines implements Closeable {

	private static final int BUFFER_SIZE = 64 * 1024;

	/**
	 * Files up to this size are read at once (into a {@link ReadBuffer} reused from file
	 * to file while revisions load) and decoded line by line: most revisions are a few
	 * hundred bytes, and streaming each through a {@link #BUFFER_SIZE} buffer would
	 * allocate about 150 kB per file on every start.
	 */
	static final int SMALL_FILE = 64 * 1024;

	private final @Nullable BufferedReader reader;

	private final byte @Nullable [] bytes;

	/** How many of {@link #bytes} hold the file. */
	private final int length;

	private int position;

	private int lineNumber;

	ScriptLines(Reader reader) {
		this.reader = (reader instanceof BufferedReader buffered) ? buffered : new BufferedReader(reader, BUFFER_SIZE);
		this.bytes = null;
		this.length = 0;
	}

	private ScriptLines(ByteBuffer bytes) {
		this.reader = null;
		this.bytes = bytes.array();
		this.length = bytes.limit();
	}

	/**
	 * The lines of a UTF-8 script: a small file is read at once, a large one streamed.
	 * Bytes that are not valid UTF-8 make {@link #next} fail.
	 */
	static ScriptLines utf8(ScriptResource resource) throws IOException {
		return utf8(resource, new ReadBuffer());
	}

	/**
	 * As {@link #utf8(ScriptResource)}, reading a small file into {@code buffer}, which
	 * the lines use until the next file is read into it.
	 */
	static ScriptLines utf8(ScriptResource resource, ReadBuffer buffer) throws IOException {
		ByteBuffer bytes = resource.readIfSmall(SMALL_FILE, buffer);
		return (bytes != null) ? new ScriptLines(bytes) : utf8(resource.open());
	}

	/** Lines of UTF-8 bytes; bytes that are not valid UTF-8 make {@link #next} fail. */
	static ScriptLines utf8(InputStream stream) {
		return new ScriptLines(new InputStreamReader(stream, decoder()));
	}

	private static CharsetDecoder decoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The next line without its terminator, or {@code null} at the end. */
	@Nullable String next() throws IOException {
		String line = (this.reader != null) ? this.reader.readLine() : nextInBytes();
		if (line == null) {
			return null;
		}
		if (this.lineNumber++ == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
			return line.substring(1);
		}
		return line;
	}

	/**
	 * The next line of {@link #bytes}, ending as {@link BufferedReader#readLine} does.
	 * Line ends are found in the bytes: in UTF-8, {@code \n} and {@code \r} bytes are
	 * never part of another character.
	 */
	private @Nullable String nextInBytes() throws CharacterCodingException {
		byte[] bytes = this.bytes;
		int length = this.length;
		int start = this.position;
		if (start >= length) {
			return null;
		}
		int end = start;
		while (end < length && bytes[end] != '\n' && bytes[end] != '\r') {
			end++;
		}
		String line = decode(bytes, start, end);
		if (end + 1 < length && bytes[end] == '\r' && bytes[end + 1] == '\n') {
			end++;
		}
		this.position = end + 1;
		return line;
	}

	/**
	 * Reads on to the next line that may be a section marker (see
	 * {@link SectionMarker#mayBeMarker}) and returns it, or {@code null} at the end;
	 * every line before it is added to {@code checksum} when one is given, a small file's
	 * ASCII lines as they are in the file's bytes, without being decoded. Lines with
	 * other bytes are decoded, so that bytes that are not valid UTF-8 fail as in
	 * {@link #next}.
	 */
	@Nullable String nextMarkerCandidate(@Nullable LineChecksum checksum) throws IOException {
		if (this.bytes == null) {
			String line;
			while ((line = next()) != null) {
				if (SectionMarker.mayBeMarker(line)) {
					return line;
				}
				if (checksum != null) {
					checksum.add(line);
				}
			}
			return null;
		}
		byte[] bytes = this.bytes;
		int length = this.length;
		int position = this.position;
		// lines ending in \n are passed on together, in one run of the file's bytes
		int runStart = position;
		int runEnd = position;
		while (position < length) {
			int start = position;
			int end = start;
			boolean ascii = true;
			byte b;
			while (end < length && (b = bytes[end]) != '\n' && b != '\r') {
				ascii &= (b >= 0);
				end++;
			}
			int next = (end + 1 < length && bytes[end] == '\r' && bytes[end + 1] == '\n') ? end + 2 : end + 1;
			String decoded = ascii ? null : decode(bytes, start, end);
			this.lineNumber++;
			boolean candidate = (decoded != null) ? SectionMarker.mayBeMarker(decoded)
					: SectionMarker.mayBeMarker(bytes, start, end);
			if (candidate || decoded != null || end == length || bytes[end] != '\n') {
				if (checksum != null) {
					checksum.add(bytes, runStart, runEnd - runStart);
				}
				runStart = next;
				runEnd = next;
				if (candidate) {
					this.position = next;
					return (decoded != null) ? decoded
							: new String(bytes, start, end - start, StandardCharsets.US_ASCII);
				}
				if (checksum != null) {
					if (decoded != null) {
						checksum.add(decoded);
					}
					else {
						checksum.add(bytes, start, end - start);
						checksum.newLine();
					}
				}
			}
			else {
				runEnd = next;
			}
			position = next;
		}
		if (checksum != null) {
			checksum.add(bytes, runStart, runEnd - runStart);
		}
		this.position = position;
		return null;
	}

	private static String decode(byte[] bytes, int start, int end) throws CharacterCodingException {
		String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		if (line.indexOf('\uFFFD') >= 0) {
			// invalid bytes, or a U+FFFD written in the file: decode strictly to tell
			line = decoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
		}
		return line;
	}

	/** The 1-based number of the line last returned by {@link #next}. */
	int lineNumber() {
		return this.lineNumber;
	}

	@Override
	public void close() throws IOException {
		if (this.reader != null) {
			this.reader.close();
		}
	}

}
