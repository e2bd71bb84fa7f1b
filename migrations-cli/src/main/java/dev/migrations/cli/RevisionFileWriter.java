package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.migrations.core.MigrationListener;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.graph.RevisionGraph;

/**
 * Writes new SQL revision files ({@code revision} and {@code merge}) into the first
 * {@code filesystem:} location, named {@code {yyyyMMdd}_{HHmm}_{revision}_{slug}.sql},
 * with the header of docs/revisions.md and empty {@code -- +upgrade} and
 * {@code -- +downgrade} sections. A written file is loaded back with the other revisions;
 * if that fails it is deleted and the error reported.
 */
final class RevisionFileWriter {

	private static final String FILESYSTEM = "filesystem:";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

	private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Ids of revisions: 1–64 letters, digits, {@code _} and {@code .}. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.]{1,64}");

	/** Branch labels: as ids, with {@code -} allowed after the first character. */
	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,63}");

	/**
	 * Text the header parser would read as a {@code key:} line; such a message is written
	 * as {@code -- message: ...}.
	 */
	private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_ \\-]{0,39}?\\s*:.*");

	/** Words the graph gives a meaning to, never ids or labels. */
	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private static final int SLUG_LENGTH = 40;

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
		String id;
		do {
			String hex = UUID.randomUUID().toString().replace("-", "");
			id = hex.substring(hex.length() - 12);
		}
		while (graph.find(id).isPresent());
		return id;
	}

	/**
	 * Checks a revision id given by the user against the grammar and the existing
	 * revisions.
	 */
	static String checkId(String id, RevisionGraph graph) {
		checkGrammar(id, ID, "revision id", "1-64 letters, digits, '_' or '.'");
		graph.find(id).ifPresent((existing) -> {
			throw new MigrationsException("Revision id " + id + " is already used by " + existing.source());
		});
		return id;
	}

	/** Checks a new branch label against the grammar and the labels in use. */
	static String checkLabel(String label, RevisionGraph graph) {
		checkGrammar(label, LABEL, "branch label",
				"1-64 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
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

	private static void checkGrammar(String value, Pattern grammar, String kind, String rule) {
		if (!grammar.matcher(value).matches() || RESERVED.contains(value)) {
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
		String slug = slug(revision.message());
		Path file = directory
			.resolve(FILE_TIME.format(now) + "_" + revision.id() + (slug.isEmpty() ? "" : "_" + slug) + ".sql");
		try {
			Files.writeString(file, content(revision, now), StandardOpenOption.CREATE_NEW);
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

	private static String content(NewRevision revision, LocalDateTime now) {
		StringBuilder header = new StringBuilder();
		String message = revision.message().strip().replaceAll("\\s*\\R\\s*", " ");
		if (KEY_LIKE.matcher(message).matches()) {
			header.append("-- message: ").append(message).append("\n--\n");
		}
		else if (!message.isEmpty()) {
			header.append("-- ").append(message).append("\n--\n");
		}
		header.append("-- revision: ").append(revision.id()).append('\n');
		header.append("-- down_revision:");
		if (!revision.downRevisions().isEmpty()) {
			header.append(' ').append(String.join(", ", revision.downRevisions()));
		}
		header.append('\n');
		if (!revision.branchLabels().isEmpty()) {
			header.append("-- branch_labels: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			header.append("-- depends_on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		header.append("-- create_date: ").append(CREATE_DATE.format(now)).append('\n');
		return header.append("\n-- +upgrade\n\n\n-- +downgrade\n\n").toString();
	}

	/** Alembic's slug: lowercase words joined by {@code _}, at most 40 characters. */
	static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > SLUG_LENGTH) {
			slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
		}
		return slug;
	}

}
