package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionIds;

/**
 * Writes new SQL revision files ({@code revision} and {@code merge}) into the first
 * {@code filesystem:} location, named and written by {@link NewRevision}
 * ({@code {yyyyMMdd}_{HHmm}_{revision}_{slug}.sql}). A written file is loaded back with
 * the other revisions; if that fails it is deleted and the error reported.
 */
final class RevisionFileWriter {

	private static final String FILESYSTEM = "filesystem:";

	private final MigratorFactory migrators;

	private final Clock clock;

	RevisionFileWriter(MigratorFactory migrators, Clock clock) {
		this.migrators = migrators;
		this.clock = clock;
	}

	/**
	 * The folder new files go to: the first {@code filesystem:} location, which must
	 * exist.
	 */
	Path directory() {
		for (String location : this.migrators.locations()) {
			if (location.startsWith(FILESYSTEM)) {
				Path directory = Path.of(location.substring(FILESYSTEM.length()));
				if (!Files.isDirectory(directory)) {
					throw new MigrationsException("The revisions folder " + directory
							+ " does not exist: create it with 'migrations init " + directory + "'");
				}
				return directory;
			}
		}
		throw new UsageException("No folder to write the revision to: the locations " + this.migrators.locations()
				+ " name none; give --locations filesystem:DIR");
	}

	/** A fresh id: 12 lowercase hex characters, as Alembic makes them. */
	static String freshId(RevisionGraph graph) {
		return NewRevision.freshId((id) -> graph.find(id).isPresent());
	}

	/**
	 * Checks a revision id given by the user against the grammar and the existing
	 * revisions.
	 */
	static String checkId(String id, RevisionGraph graph) {
		checkGrammar(id, RevisionIds.isValidId(id), "revision id", RevisionIds.ID_RULE);
		graph.find(id).ifPresent((existing) -> {
			throw new MigrationsException("Revision id " + id + " is already used by " + existing.source());
		});
		return id;
	}

	/** Checks a new branch label against the grammar and the labels in use. */
	static String checkLabel(String label, RevisionGraph graph) {
		checkGrammar(label, RevisionIds.isValidLabel(label), "branch label", RevisionIds.LABEL_RULE);
		graph.revisions()
			.stream()
			.filter((node) -> node.branchLabels().contains(label))
			.findFirst()
			.ifPresent((node) -> {
				throw new MigrationsException("Branch label " + label + " is already used by revision " + node.id()
						+ " (" + node.source() + ")");
			});
		return label;
	}

	private static void checkGrammar(String value, boolean valid, String kind, String rule) {
		if (!valid) {
			throw new UsageException(
					"Invalid " + kind + " '" + value + "': use " + rule + ", not head, heads, base or current");
		}
	}

	/**
	 * Writes the file and loads all revisions again with it.
	 * @return the path of the new file
	 */
	Path write(NewRevision revision, MigrationListener listener) {
		Path directory = directory();
		LocalDateTime now = LocalDateTime.now(this.clock);
		Path file = directory.resolve(revision.fileName(now));
		try {
			Files.writeString(file, revision.text(now), StandardOpenOption.CREATE_NEW);
		}
		catch (IOException ex) {
			throw new MigrationsException("Could not write " + file + ": " + ex, ex);
		}
		try {
			Migrator reloaded = this.migrators.offline(listener);
			reloaded.graph().find(revision.id()).orElseThrow();
		}
		catch (RuntimeException ex) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException deleteFailure) {
				ex.addSuppressed(deleteFailure);
			}
			throw new MigrationsException("The new revision " + revision.id() + " would not load, so " + file
					+ " was not kept: " + ex.getMessage(), ex);
		}
		return file;
	}

}
