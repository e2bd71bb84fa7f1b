package dev.migrations.core.internal.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The keys of a SQL revision file's header, and the recognition of misspelt ones.
 */
enum HeaderKey {

	REVISION("revision"), DOWN_REVISION("down_revision"), BRANCH_LABELS("branch_labels"), DEPENDS_ON("depends_on"),
	CREATE_DATE("create_date"), MESSAGE("message"), TRANSACTIONAL("transactional"), LINT_IGNORE("lint_ignore");

	/**
	 * Names other tools use (Alembic's docstring, habit), normalised as by
	 * {@link #normalise}.
	 */
	private static final List<HeaderKey> ALL = List.of(values());

	private static final Map<String, HeaderKey> ALIASES = Map.ofEntries(Map.entry("revision_id", REVISION),
			Map.entry("rev_id", REVISION), Map.entry("rev", REVISION), Map.entry("revises", DOWN_REVISION),
			Map.entry("parent", DOWN_REVISION), Map.entry("parents", DOWN_REVISION),
			Map.entry("down_revisions", DOWN_REVISION), Map.entry("downrevision", DOWN_REVISION),
			Map.entry("previous", DOWN_REVISION), Map.entry("branch_label", BRANCH_LABELS),
			Map.entry("branch", BRANCH_LABELS), Map.entry("branches", BRANCH_LABELS),
			Map.entry("labels", BRANCH_LABELS), Map.entry("depends", DEPENDS_ON), Map.entry("dependencies", DEPENDS_ON),
			Map.entry("depends_on_revisions", DEPENDS_ON), Map.entry("created", CREATE_DATE),
			Map.entry("created_at", CREATE_DATE), Map.entry("creation_date", CREATE_DATE),
			Map.entry("transaction", TRANSACTIONAL), Map.entry("lint_ignores", LINT_IGNORE),
			Map.entry("lintignore", LINT_IGNORE), Map.entry("noqa", LINT_IGNORE));

	private final String key;

	HeaderKey(String key) {
		this.key = key;
	}

	/** The key as written in a header. */
	String key() {
		return this.key;
	}

	/** Whether the value is a comma-separated list, for which empty means none. */
	boolean isList() {
		return this == DOWN_REVISION || this == BRANCH_LABELS || this == DEPENDS_ON || this == LINT_IGNORE;
	}

	/** The key spelt exactly {@code name}, or {@code null}. */
	static @Nullable HeaderKey of(String name) {
		for (HeaderKey candidate : ALL) {
			if (candidate.key.equals(name)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The known key that {@code name} most likely misspells: the same once case,
	 * {@code -} and blanks are normalised, a known alias ({@code revises},
	 * {@code Revision ID}), or within two edits of a key. {@code null} if it looks like
	 * no key, and the line is then an ordinary comment.
	 */
	static @Nullable HeaderKey misspelt(String name) {
		String normalised = normalise(name);
		HeaderKey alias = ALIASES.get(normalised);
		if (alias != null) {
			return alias;
		}
		HeaderKey best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (HeaderKey candidate : values()) {
			int distance = distance(normalised, candidate.key);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (bestDistance == 0 || (bestDistance <= 2 && normalised.length() >= 5)) ? best : null;
	}

	private static String normalise(String name) {
		return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
	}

	/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
