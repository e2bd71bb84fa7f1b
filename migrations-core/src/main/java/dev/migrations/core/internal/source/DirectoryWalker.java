package dev.migrations.core.internal.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Lists the candidate files under a directory, recursively and following links: those
 * whose names end in one of the given suffixes, with their {@code /}-separated paths
 * relative to the directory. A candidate is taken to be a file without asking the file
 * system (reading it tells otherwise: a directory named {@code x.sql} fails to read);
 * only the other entries are looked at, to descend into directories. Every start lists
 * every revision file, so this saves one {@code stat} per revision, which counts where
 * system calls are slow (sandboxes, network file systems).
 */
final class DirectoryWalker {

	private final List<String> suffixes;

	private final Visitor visitor;

	/** The directories being walked, to refuse a link back to one of them. */
	private final Set<Object> open = new HashSet<>();

	private DirectoryWalker(List<String> suffixes, Visitor visitor) {
		this.suffixes = suffixes;
		this.visitor = visitor;
	}

	/**
	 * Visits the candidates under {@code directory}, in no particular order.
	 * @throws FileSystemLoopException when a link leads back to a directory being walked
	 */
	static void walk(Path directory, List<String> suffixes, Visitor visitor) throws IOException {
		new DirectoryWalker(suffixes, visitor).walk(directory, "", fileKey(directory));
	}

	private void walk(Path directory, String relative, @Nullable Object key) throws IOException {
		if (key != null && !this.open.add(key)) {
			throw new FileSystemLoopException(directory.toString());
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				String path = relative.isEmpty() ? name : relative + "/" + name;
				if (isCandidate(name)) {
					this.visitor.visit(path, entry);
				}
				else {
					BasicFileAttributes attributes = attributesOrNull(entry);
					if (attributes != null && attributes.isDirectory()) {
						walk(entry, path, attributes.fileKey());
					}
				}
			}
		}
		finally {
			if (key != null) {
				this.open.remove(key);
			}
		}
	}

	private boolean isCandidate(String name) {
		for (String suffix : this.suffixes) {
			if (name.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	/** The entry's attributes, following links; {@code null} for a broken link. */
	private static @Nullable BasicFileAttributes attributesOrNull(Path entry) throws IOException {
		try {
			return Files.readAttributes(entry, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	private static @Nullable Object fileKey(Path directory) throws IOException {
		return Files.readAttributes(directory, BasicFileAttributes.class).fileKey();
	}

	/** Receives each candidate. */
	@FunctionalInterface
	interface Visitor {

		void visit(String relativePath, Path file);

	}

}
