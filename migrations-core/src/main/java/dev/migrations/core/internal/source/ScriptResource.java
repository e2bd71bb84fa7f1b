package dev.migrations.core.internal.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/** A SQL file found in a location, which can be opened as often as needed. */
sealed interface ScriptResource
		permits ScriptResource.FileResource, ScriptResource.JarEntryBytes, ScriptResource.UrlResource {

	/** Where it was found, e.g. {@code classpath:db/revisions/001_init.sql}. */
	String location();

	/** Opens the file's bytes. */
	InputStream open() throws IOException;

	/**
	 * The file's bytes when it holds at most {@code limit} bytes, read at once into a
	 * heap buffer (its array, up to its limit), {@code buffer}'s where it fits; otherwise
	 * {@code null}, and the file is to be streamed.
	 */
	@Nullable ByteBuffer readIfSmall(int limit, ReadBuffer buffer) throws IOException;

	/**
	 * A file on a file system (a {@code filesystem:} location or a classpath directory).
	 *
	 * @param location the name for messages
	 * @param path the file
	 */
	record FileResource(String location, Path path) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			return Files.newInputStream(this.path);
		}

		/**
		 * Reads the file with one {@code read} where it fits the buffer: a regular file's
		 * read returns less than asked for only at its end, so a read that leaves room in
		 * the buffer read the whole file, and its size need not be asked for. A larger
		 * file is read on into a buffer of its size plus one byte; one that changes size
		 * meanwhile is streamed instead.
		 */
		@Override
		public @Nullable ByteBuffer readIfSmall(int limit, ReadBuffer reused) throws IOException {
			try (SeekableByteChannel channel = Files.newByteChannel(this.path)) {
				ByteBuffer buffer = reused.cleared();
				if (channel.read(buffer) < 0 || buffer.hasRemaining()) {
					return buffer.flip();
				}
				long size = channel.size();
				if (size > limit) {
					return null;
				}
				buffer = reused.grown((int) size + 1);
				while (buffer.hasRemaining() && channel.read(buffer) > 0) {
					// read to the end
				}
				return (buffer.position() == size) ? buffer.flip() : null;
			}
		}

	}

	/**
	 * A small file inside a jar, read while the jar was open for the scan: opening the
	 * jar again for each file would cost every start a jar open per revision. Its bytes
	 * are kept, as the file would be read again for each run.
	 */
	final class JarEntryBytes implements ScriptResource {

		private final String location;

		private final byte[] bytes;

		JarEntryBytes(String location, byte[] bytes) {
			this.location = location;
			this.bytes = bytes;
		}

		@Override
		public String location() {
			return this.location;
		}

		@Override
		public InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public @Nullable ByteBuffer readIfSmall(int limit, ReadBuffer reused) {
			return (this.bytes.length <= limit) ? ByteBuffer.wrap(this.bytes) : null;
		}

	}

	/** A resource inside a jar, opened without the JDK's jar cache. */
	record UrlResource(String location, URL url) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			return connect().getInputStream();
		}

		@Override
		public @Nullable ByteBuffer readIfSmall(int limit, ReadBuffer reused) throws IOException {
			URLConnection connection = connect();
			long length = connection.getContentLengthLong();
			try (InputStream in = connection.getInputStream()) {
				if (length < 0 || length > limit) {
					return null;
				}
				byte[] bytes = in.readNBytes((int) length);
				return (in.read() == -1) ? ByteBuffer.wrap(bytes) : null;
			}
		}

		private URLConnection connect() throws IOException {
			URLConnection connection = this.url.openConnection();
			connection.setUseCaches(false);
			return connection;
		}

	}

}
