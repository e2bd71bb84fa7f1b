package dev.migrations.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/** A SQL file found in a location, which can be opened as often as needed. */
sealed interface ScriptResource permits ScriptResource.FileResource, ScriptResource.UrlResource {

	/** Where it was found, e.g. {@code classpath:db/revisions/001_init.sql}. */
	String location();

	/** Opens the file's bytes. */
	InputStream open() throws IOException;

	/**
	 * A file on a file system (a {@code filesystem:} location or a classpath directory).
	 */
	record FileResource(String location, Path path) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			return Files.newInputStream(this.path);
		}

	}

	/** A resource inside a jar, opened without the JDK's jar cache. */
	record UrlResource(String location, URL url) implements ScriptResource {

		@Override
		public InputStream open() throws IOException {
			URLConnection connection = this.url.openConnection();
			connection.setUseCaches(false);
			return connection.getInputStream();
		}

	}

}
