package dev.migrations.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The upgrade of applied revisions changed since they were applied (drift).
 */
public class ChecksumMismatchException extends MigrationsException {

	private final List<Mismatch> mismatches;

	public ChecksumMismatchException(List<Mismatch> mismatches) {
		super("Applied revision(s) changed since they were applied: "
				+ mismatches.stream().map(Mismatch::describe).collect(Collectors.joining("; "))
				+ ". Restore the original upgrade, or accept the edit with 'migrations repair --checksums'.");
		this.mismatches = List.copyOf(mismatches);
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
