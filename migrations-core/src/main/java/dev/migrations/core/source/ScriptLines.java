package dev.migrations.core.source;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads a script line by line, counting lines: {@code \n}, {@code \r\n} and a lone
 * {@code \r} each end a line, and a UTF-8 byte order mark at the start is dropped. Only
 * one line is held at a time.
 */
final class ScriptLines implements Closeable {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final BufferedReader reader;

	private int lineNumber;

	ScriptLines(Reader reader) {
		this.reader = (reader instanceof BufferedReader buffered) ? buffered : new BufferedReader(reader, BUFFER_SIZE);
	}

	/** Lines of UTF-8 bytes; bytes that are not valid UTF-8 make {@link #next} fail. */
	static ScriptLines utf8(InputStream stream) {
		return new ScriptLines(new InputStreamReader(stream,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
	}

	/** The next line without its terminator, or {@code null} at the end. */
	@Nullable String next() throws IOException {
		String line = this.reader.readLine();
		if (line == null) {
			return null;
		}
		if (this.lineNumber++ == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
			return line.substring(1);
		}
		return line;
	}

	/** The 1-based number of the line last returned by {@link #next}. */
	int lineNumber() {
		return this.lineNumber;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
