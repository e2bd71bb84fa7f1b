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
		String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		if (line.indexOf('\uFFFD') >= 0) {
			// invalid bytes, or a U+FFFD written in the file: decode strictly to tell
			line = decoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
		}
		if (end + 1 < length && bytes[end] == '\r' && bytes[end + 1] == '\n') {
			end++;
		}
		this.position = end + 1;
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
