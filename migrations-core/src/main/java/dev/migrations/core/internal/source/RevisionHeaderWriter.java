package dev.migrations.core.internal.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes SQL revision files in the format {@link RevisionHeaderParser} reads: the
 * message, the header keys, then the {@code -- +upgrade} and {@code -- +downgrade}
 * sections. The one writer of new revisions ({@code revision}, {@code merge},
 * autogenerate).
 */
public final class RevisionHeaderWriter {

	private RevisionHeaderWriter() {
	}

	/**
	 * The text of a revision file.
	 * @param message the message, on one line (line breaks are folded)
	 * @param createDate the {@code create_date} value
	 * @param upgrade the upgrade statements; blank for an empty section
	 * @param downgrade the downgrade statements; blank for an empty section (a no-op
	 * downgrade), {@code null} for none (an irreversible revision)
	 * @return the file's text
	 */
	public static String write(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
			String message, String createDate, String upgrade, @Nullable String downgrade) {
		StringBuilder text = new StringBuilder();
		String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
		if (RevisionHeaderParser.looksLikeKeyLine(line)) {
			text.append("-- ").append(HeaderKey.MESSAGE.key()).append(": ").append(line).append("\n--\n");
		}
		else if (!line.isEmpty()) {
			text.append("-- ").append(line).append("\n--\n");
		}
		key(text, HeaderKey.REVISION, List.of(id), false);
		key(text, HeaderKey.DOWN_REVISION, downRevisions, false);
		key(text, HeaderKey.BRANCH_LABELS, branchLabels, true);
		key(text, HeaderKey.DEPENDS_ON, dependsOn, true);
		key(text, HeaderKey.CREATE_DATE, List.of(createDate), false);
		text.append('\n');
		section(text, SectionMarker.UPGRADE, upgrade);
		if (downgrade != null) {
			text.append('\n');
			section(text, SectionMarker.DOWNGRADE, downgrade);
		}
		return text.toString();
	}

	private static void key(StringBuilder text, HeaderKey key, List<String> values, boolean omitWhenEmpty) {
		if (values.isEmpty() && omitWhenEmpty) {
			return;
		}
		text.append("-- ").append(key.key()).append(':');
		if (!values.isEmpty()) {
			text.append(' ').append(String.join(", ", values));
		}
		text.append('\n');
	}

	private static void section(StringBuilder text, SectionMarker marker, String statements) {
		text.append(marker.text()).append('\n');
		text.append(statements.isBlank() ? "\n" : statements.strip() + "\n");
	}

}
