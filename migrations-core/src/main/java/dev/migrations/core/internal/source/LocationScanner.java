package dev.migrations.core.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.migrations.core.RevisionLocationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists what a location holds, recursively: {@code *.sql} files and, in class path
 * locations, {@code *.class} files (Java revision candidates). Entries are sorted by
 * their {@code /}-separated path relative to the location ({@link String#compareTo}), so
 * the order never depends on the class path or the file system.
 * <p>
 * A class path location may be found in several roots (directories and jars). When two
 * roots hold the same relative path, the first root in class path order wins, as with
 * {@link ClassLoader#getResource}, and the other is logged and ignored. A class path
 * location found nowhere holds nothing (logged); a missing {@code filesystem:} location
 * is an error, since it is named explicitly and a typo would otherwise pass silently.
 * <p>
 * Class path roots are found with {@link ClassLoader#getResources}, which needs the
 * location's directory entries in jars (jars built by Maven, Gradle and the {@code jar}
 * tool have them).
 */
final class LocationScanner {

	private static final Logger logger = LoggerFactory.getLogger(LocationScanner.class);

	private final ClassLoader classLoader;

	LocationScanner(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** The location's entries in load order. */
	List<Entry> scan(Location location) {
		return switch (location.kind()) {
			case CLASSPATH -> scanClasspath(location);
			case FILESYSTEM -> scanFilesystem(location);
		};
	}

	private List<Entry> scanFilesystem(Location location) {
		Path directory = Path.of(location.path()).toAbsolutePath().normalize();
		if (!Files.exists(directory)) {
			throw new RevisionLocationException(location.toString(), "location '" + location + "' does not exist ("
					+ directory + "); create the directory or correct the location");
		}
		if (!Files.isDirectory(directory)) {
			throw new RevisionLocationException(location.toString(), "location '" + location + "' is not a directory ("
					+ directory + "); name the directory that holds the revision files");
		}
		Map<String, Entry> entries = new TreeMap<>();
		String prefix = Location.Kind.FILESYSTEM.prefix();
		walk(location, directory, List.of(".sql"), (relative, file) -> {
			String name = prefix + file.toString().replace('\\', '/');
			entries.put(relative, new SqlEntry(relative, new ScriptResource.FileResource(name, file)));
		});
		return List.copyOf(entries.values());
	}

	private List<Entry> scanClasspath(Location location) {
		Enumeration<URL> roots;
		try {
			roots = this.classLoader.getResources(location.path());
		}
		catch (IOException ex) {
			throw new RevisionLocationException(location.toString(),
					"cannot scan location '" + location + "': " + ex.getMessage(), ex);
		}
		Map<String, Entry> entries = new TreeMap<>();
		Map<String, String> rootOf = new TreeMap<>();
		boolean found = false;
		while (roots.hasMoreElements()) {
			URL root = roots.nextElement();
			found = true;
			for (Entry entry : scanRoot(location, root)) {
				String previous = rootOf.putIfAbsent(entry.relativePath(), root.toString());
				if (previous == null) {
					entries.put(entry.relativePath(), entry);
				}
				else {
					logger.warn("Ignoring {}/{} in {}: it is shadowed by the same path in {}", location,
							entry.relativePath(), root, previous);
				}
			}
		}
		if (!found) {
			logger.info("Location '{}' was not found on the class path; it holds no revisions", location);
		}
		return List.copyOf(entries.values());
	}

	private List<Entry> scanRoot(Location location, URL root) {
		String protocol = root.getProtocol();
		if ("file".equals(protocol)) {
			Path directory;
			try {
				directory = Path.of(root.toURI());
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				throw new RevisionLocationException(location.toString(),
						"cannot scan '" + root + "' for location '" + location + "': " + ex.getMessage(), ex);
			}
			if (!Files.isDirectory(directory)) {
				return List.of();
			}
			List<Entry> entries = new ArrayList<>();
			walk(location, directory, List.of(".sql", ".class"),
					(relative, file) -> add(entries, location, relative, new ScriptResource.FileResource(
							Location.Kind.CLASSPATH.prefix() + location.path() + "/" + relative, file)));
			return entries;
		}
		if ("jar".equals(protocol)) {
			return scanJar(location, root);
		}
		throw new RevisionLocationException(location.toString(), "cannot scan '" + root + "' for location '" + location
				+ "': only directories and jars are supported, not '" + protocol + ":' resources");
	}

	private List<Entry> scanJar(Location location, URL root) {
		List<Entry> entries = new ArrayList<>();
		try {
			URLConnection connection = root.openConnection();
			if (!(connection instanceof JarURLConnection jarConnection)) {
				throw new IOException("not a jar connection: " + connection.getClass().getName());
			}
			jarConnection.setUseCaches(false);
			String base = root.toExternalForm();
			base = base.endsWith("/") ? base : base + "/";
			String entryName = jarConnection.getEntryName();
			String prefix = (entryName == null || entryName.isEmpty()) ? ""
					: (entryName.endsWith("/") ? entryName : entryName + "/");
			try (JarFile jar = jarConnection.getJarFile()) {
				Iterator<JarEntry> iterator = jar.entries().asIterator();
				while (iterator.hasNext()) {
					JarEntry entry = iterator.next();
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(prefix)) {
						String relative = name.substring(prefix.length());
						String resourceLocation = Location.Kind.CLASSPATH.prefix() + location.path() + "/" + relative;
						long size = entry.getSize();
						if (relative.endsWith(".sql") && size >= 0 && size <= ScriptLines.SMALL_FILE) {
							try (InputStream in = jar.getInputStream(entry)) {
								add(entries, location, relative,
										new ScriptResource.JarEntryBytes(resourceLocation, in.readAllBytes()));
							}
						}
						else {
							URL url = new URL(base + new URI(null, null, relative, null).toASCIIString());
							add(entries, location, relative, new ScriptResource.UrlResource(resourceLocation, url));
						}
					}
				}
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new RevisionLocationException(location.toString(),
					"cannot scan '" + root + "' for location '" + location + "': " + ex.getMessage(), ex);
		}
		return entries;
	}

	private static void add(List<Entry> entries, Location location, String relative, ScriptResource resource) {
		if (relative.endsWith(".sql")) {
			entries.add(new SqlEntry(relative, resource));
		}
		else if (relative.endsWith(".class") && !relative.endsWith("package-info.class")
				&& !relative.endsWith("module-info.class")) {
			String resourceName = location.path() + "/" + relative;
			String className = resourceName.substring(0, resourceName.length() - ".class".length()).replace('/', '.');
			entries.add(new ClassEntry(relative, className));
		}
	}

	private static void walk(Location location, Path directory, List<String> suffixes,
			DirectoryWalker.Visitor visitor) {
		try {
			DirectoryWalker.walk(directory, suffixes, visitor);
		}
		catch (IOException | DirectoryIteratorException ex) {
			throw new RevisionLocationException(location.toString(),
					"cannot scan '" + directory + "' for location '" + location + "': " + ex.getMessage(), ex);
		}
	}

	/** Something found in a location. */
	sealed interface Entry permits SqlEntry, ClassEntry {

		/** The {@code /}-separated path relative to the location. */
		String relativePath();

	}

	/** A {@code *.sql} file. */
	record SqlEntry(String relativePath, ScriptResource resource) implements Entry {
	}

	/** A {@code *.class} file, a Java revision candidate. */
	record ClassEntry(String relativePath, String className) implements Entry {
	}

}
