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
	 * into an array of that size; otherwise {@code null}, and the file is to be streamed.
	 */
	byte @Nullable [] readIfSmall(int limit) throws IOException;

	/**
	 * A file on a file system (a {@code filesystem:} location or a classpath directory).
	 */
	record FileResource(String location, Path path) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			return Files.newInputStream(this.path);
		}

		@Override
		public byte @Nullable [] readIfSmall(int limit) throws IOException {
			try (SeekableByteChannel channel = Files.newByteChannel(this.path)) {
				long size = channel.size();
				if (size > limit) {
					return null;
				}
				ByteBuffer buffer = ByteBuffer.allocate((int) size);
				while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
					// read to the end
				}
				// a file that changed size while read is streamed instead
				return (!buffer.hasRemaining() && channel.size() == size) ? buffer.array() : null;
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
		public byte @Nullable [] readIfSmall(int limit) throws IOException {
			URLConnection connection = connect();
			long length = connection.getContentLengthLong();
			try (InputStream in = connection.getInputStream()) {
				if (length < 0 || length > limit) {
					return null;
				}
				byte[] bytes = in.readNBytes((int) length);
				return (in.read() == -1) ? bytes : null;
			}
		}

		private URLConnection connect() throws IOException {
			URLConnection connection = this.url.openConnection();
			connection.setUseCaches(false);
			return connection;
		}

	}

}
