package dev.migrations.core;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import dev.migrations.core.graph.RevisionIds;
import dev.migrations.core.internal.source.RevisionHeaderWriter;
import org.jspecify.annotations.Nullable;

/**
 * A SQL revision to be written: its header values and sections, checked against the
 * grammar of {@link RevisionIds}. {@link #fileName} and {@link #text} give the file that
 * {@code migrations revision}, {@code merge} and autogenerate write.
 *
 * @param id the revision id
 * @param downRevisions its parents; empty for a base, several for a merge
 * @param branchLabels branch labels it declares
 * @param dependsOn revisions or branch labels it depends on
 * @param message its message (one line)
 * @param upgrade the statements of its upgrade; blank for an empty section
 * @param downgrade the statements of its downgrade; blank for a no-op downgrade,
 * {@code null} for none (an irreversible revision)
 */
public record NewRevision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
		String message, String upgrade, @Nullable String downgrade) {

	private static final int SLUG_LENGTH = 40;

	/**
	 * @throws IllegalArgumentException when an id or label breaks the grammar
	 */
	public NewRevision {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
		check(id, RevisionIds.idProblem(id));
		downRevisions.forEach((each) -> check(each, RevisionIds.idProblem(each)));
		branchLabels.forEach((each) -> check(each, RevisionIds.labelProblem(each)));
		dependsOn
			.forEach((each) -> check(each, RevisionIds.isValidReference(each) ? null : RevisionIds.labelProblem(each)));
	}

	/**
	 * An empty revision (empty upgrade and downgrade sections), as {@code revision}
	 * writes.
	 */
	public static NewRevision empty(String id, List<String> downRevisions, List<String> branchLabels,
			List<String> dependsOn, String message) {
		return new NewRevision(id, downRevisions, branchLabels, dependsOn, message, "", "");
	}

	private static void check(String value, @Nullable String problem) {
		if (problem != null) {
			throw new IllegalArgumentException("'" + value + "': " + problem);
		}
	}

	/** A fresh id, 12 lowercase hex characters as Alembic makes them, not yet taken. */
	public static String freshId(Predicate<String> taken) {
		String id;
		do {
			String hex = UUID.randomUUID().toString().replace("-", "");
			id = hex.substring(hex.length() - 12);
		}
		while (taken.test(id));
		return id;
	}

	/**
	 * The file name: {@code {yyyyMMdd}_{HHmm}_{revision}_{slug}.sql}, the slug of the
	 * message as Alembic makes it (lowercase words joined by {@code _}, at most 40
	 * characters).
	 */
	public String fileName(LocalDateTime createdAt) {
		String slug = slug(this.message);
		return String.format(Locale.ROOT, "%04d%02d%02d_%02d%02d_", createdAt.getYear(), createdAt.getMonthValue(),
				createdAt.getDayOfMonth(), createdAt.getHour(), createdAt.getMinute()) + this.id
				+ (slug.isEmpty() ? "" : "_" + slug) + ".sql";
	}

	/** The file's text, its {@code create_date} the given time. */
	public String text(LocalDateTime createdAt) {
		String createDate = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", createdAt.getYear(),
				createdAt.getMonthValue(), createdAt.getDayOfMonth(), createdAt.getHour(), createdAt.getMinute(),
				createdAt.getSecond());
		return RevisionHeaderWriter.write(this.id, this.downRevisions, this.branchLabels, this.dependsOn, this.message,
				createDate, this.upgrade, this.downgrade);
	}

	private static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > SLUG_LENGTH) {
			slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
		}
		return slug;
	}

}
