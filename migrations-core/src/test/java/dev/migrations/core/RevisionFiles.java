package dev.migrations.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes SQL revision files into a folder, for {@code filesystem:} locations. */
final class RevisionFiles {

	private final Path folder;

	RevisionFiles(Path folder) {
		this.folder = folder;
	}

	String location() {
		return "filesystem:" + this.folder;
	}

	Path folder() {
		return this.folder;
	}

	/** A transactional revision in {@code <id>.sql}. */
	Path write(String id, String downRevision, String message, String upgrade, String downgrade) {
		return write(id, downRevision, message, upgrade, downgrade, true);
	}

	Path write(String id, String downRevision, String message, String upgrade, String downgrade,
			boolean transactional) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(message).append("\n--\n");
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(downRevision).append('\n');
		if (!transactional) {
			text.append("-- transactional: false\n");
		}
		text.append("\n-- +upgrade\n").append(upgrade).append('\n');
		if (downgrade != null) {
			text.append("\n-- +downgrade\n").append(downgrade).append('\n');
		}
		return writeFile(id + ".sql", text.toString());
	}

	Path writeFile(String name, String text) {
		try {
			Path file = this.folder.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
