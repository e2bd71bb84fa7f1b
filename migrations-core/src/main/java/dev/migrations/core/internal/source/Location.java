package dev.migrations.core.internal.source;

import java.util.Locale;

import dev.migrations.core.RevisionLocationException;
import org.jspecify.annotations.Nullable;

/**
 * Where revisions are found: {@code classpath:db/revisions} (directories and jars on the
 * class path; also the package {@code db.revisions} for Java revisions) or
 * {@code filesystem:/srv/revisions} (a directory; relative paths resolve against the
 * working directory). A location without a prefix is a class path location.
 *
 * @param kind the kind of location
 * @param path the class path resource path without leading or trailing {@code /}, or the
 * file system path as given
 */
public record Location(Kind kind, String path) {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	/**
	 * Parses a location.
	 * @param location e.g. {@code classpath:db/revisions}, {@code filesystem:revisions}
	 * or {@code db/revisions}
	 * @return the location
	 * @throws RevisionLocationException if it has an unknown prefix or no path
	 */
	public static Location parse(String location) {
		String trimmed = location.strip();
		Kind kind;
		String path;
		if (trimmed.regionMatches(true, 0, CLASSPATH, 0, CLASSPATH.length())) {
			kind = Kind.CLASSPATH;
			path = trimmed.substring(CLASSPATH.length());
		}
		else if (trimmed.regionMatches(true, 0, FILESYSTEM, 0, FILESYSTEM.length())) {
			kind = Kind.FILESYSTEM;
			path = trimmed.substring(FILESYSTEM.length());
		}
		else {
			int colon = trimmed.indexOf(':');
			if (colon > 1 && trimmed.lastIndexOf('/', colon) < 0) {
				throw new RevisionLocationException(location,
						"unknown location prefix '" + trimmed.substring(0, colon + 1) + "' in '" + location
								+ "'; use 'classpath:' or 'filesystem:'");
			}
			kind = Kind.CLASSPATH;
			path = trimmed;
		}
		path = path.strip();
		if (kind == Kind.CLASSPATH) {
			path = trim(path.replace('\\', '/'));
		}
		else if (path.length() > 1 && (path.endsWith("/") || path.endsWith("\\"))) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.isEmpty()) {
			throw new RevisionLocationException(location, "location '" + location + "' has no path; write e.g. '"
					+ kind.prefix() + ((kind == Kind.CLASSPATH) ? "db/revisions'" : "/srv/revisions'"));
		}
		return new Location(kind, path);
	}

	/** The Java package of a class path location, e.g. {@code db.revisions}. */
	public String packageName() {
		return this.path.replace('/', '.');
	}

	// equals and hashCode written out: a record's generated ones are bootstrapped on
	// first
	// use, which costs a starting JVM milliseconds on the path of every start

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Location location) && this.kind == location.kind && this.path.equals(location.path);
	}

	@Override
	public int hashCode() {
		return 31 * this.kind.hashCode() + this.path.hashCode();
	}

	@Override
	public String toString() {
		return this.kind.prefix() + this.path;
	}

	private static String trim(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	/** The kinds of locations. */
	public enum Kind {

		/** Directories and jars on the class path. */
		CLASSPATH,

		/** A directory on the file system. */
		FILESYSTEM;

		/** The prefix, e.g. {@code classpath:}. */
		public String prefix() {
			return name().toLowerCase(Locale.ROOT) + ":";
		}

	}

}
