package dev.migrations.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The upgrade of applied revisions changed since they were applied (drift).
 */
public class ChecksumMismatchException extends MigrationsException {

	private static final String DESCRIPTION = "Applied revision(s) changed since they were applied: ";

	private final List<Mismatch> mismatches;

	public ChecksumMismatchException(List<Mismatch> mismatches) {
		super(DESCRIPTION + mismatches.stream().map(Mismatch::describe).collect(Collectors.joining("; ")),
				"Restore the original upgrade, or accept the edit with 'migrations repair --checksums'.", null);
		this.mismatches = List.copyOf(mismatches);
	}

	/** The short form of the problem for a status: the changed revisions' ids. */
	public static String summary(List<String> revisions) {
		return DESCRIPTION + String.join(", ", revisions);
	}

	public List<Mismatch> mismatches() {
		return this.mismatches;
	}

	/**
	 * One changed revision.
	 *
	 * @param revision its id
	 * @param source its file or class
	 * @param recorded the checksum recorded when it was applied
	 * @param actual the checksum of the code now
	 */
	public record Mismatch(String revision, String source, String recorded, String actual) {

		String describe() {
			return this.revision + " in " + this.source + " (recorded checksum " + this.recorded + ", now "
					+ this.actual + ")";
		}

	}

}
