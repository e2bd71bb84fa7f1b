package dev.migrations.core.source;

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
sealed interface ScriptResource permits ScriptResource.FileResource, ScriptResource.UrlResource {

	/** Where it was found, e.g. {@code classpath:db/revisions/001_init.sql}. */
	String location();

	/** Opens the file's bytes. */
	InputStream open() throws IOException;

	/**
	 * The file's bytes when it is known to hold at most {@code limit} bytes, read at once
	 * into a heap buffer (its array, up to its limit); otherwise {@code null}, and the
	 * file is to be streamed.
	 */
	@Nullable ByteBuffer readIfSmall(int limit) throws IOException;

	/**
	 * A file on a file system (a {@code filesystem:} location or a classpath directory).
	 *
	 * @param location the name for messages
	 * @param path the file
	 * @param size its size as the location scan saw it, or {@code -1}
	 */
	record FileResource(String location, Path path, long size) implements ScriptResource {

		FileResource(String location, Path path) {
			this(location, path, -1);
		}

		@Override
		public InputStream open() throws IOException {
			return Files.newInputStream(this.path);
		}

		/**
		 * Reads the file with one {@code read} into an array one byte longer than its
		 * size: a regular file's read returns less than asked for only at its end, so a
		 * read of exactly the size is the whole file. Any other count means the file
		 * changed since its size was taken, and it is streamed instead.
		 */
		@Override
		public @Nullable ByteBuffer readIfSmall(int limit) throws IOException {
			try (SeekableByteChannel channel = Files.newByteChannel(this.path)) {
				long size = (this.size >= 0) ? this.size : channel.size();
				if (size > limit) {
					return null;
				}
				ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
				int read = channel.read(buffer);
				return (read == size || (size == 0 && read == -1)) ? buffer.flip() : null;
			}
		}

	}

	/** A resource inside a jar, opened without the JDK's jar cache. */
	record UrlResource(String location, URL url) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			return connect().getInputStream();
		}

		@Override
		public @Nullable ByteBuffer readIfSmall(int limit) throws IOException {
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
