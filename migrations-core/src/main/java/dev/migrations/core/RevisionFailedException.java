package dev.migrations.core;

import dev.migrations.core.graph.Direction;
import org.jspecify.annotations.Nullable;

/**
 * A revision failed while it ran. Says where (revision, file, line of the statement) and
 * why (SQLState and the database's message); the SQL text itself is logged at debug level
 * only.
 */
public class RevisionFailedException extends MigrationsException {

	private final String revision;

	private final Direction direction;

	private final String source;

	private final @Nullable Integer line;

	private final @Nullable String sqlState;

	private final String databaseMessage;

	private final boolean recordedFailed;

	/**
	 * @param revision the revision id
	 * @param direction upgrade or downgrade
	 * @param source the file or class of the revision
	 * @param line the line on which the failing statement starts; {@code null} when not
	 * known (a Java revision)
	 * @param sqlState the SQLState of the database error, if any
	 * @param databaseMessage the database's (or the Java revision's) own message
	 * @param recordedFailed whether the revision was recorded {@code FAILED} (its effects
	 * may remain) rather than rolled back
	 * @param cause the original error
	 */
	public RevisionFailedException(String revision, Direction direction, String source, @Nullable Integer line,
			@Nullable String sqlState, String databaseMessage, boolean recordedFailed, Throwable cause) {
		super(description(revision, direction, source, line, sqlState, databaseMessage), action(recordedFailed), cause);
		this.revision = revision;
		this.direction = direction;
		this.source = source;
		this.line = line;
		this.sqlState = sqlState;
		this.databaseMessage = databaseMessage;
		this.recordedFailed = recordedFailed;
	}

	private static String description(String revision, Direction direction, String source, @Nullable Integer line,
			@Nullable String sqlState, String databaseMessage) {
		StringBuilder message = new StringBuilder((direction == Direction.UPGRADE) ? "Upgrade" : "Downgrade");
		message.append(" of revision ").append(revision).append(" failed in ").append(source);
		if (line != null) {
			message.append(" at line ").append(line);
		}
		if (sqlState != null) {
			message.append(" (SQLState ").append(sqlState).append(')');
		}
		message.append(": ").append(databaseMessage);
		return message.toString();
	}

	private static String action(boolean recordedFailed) {
		return recordedFailed
				? "Its changes may be partly applied, so it is recorded as FAILED and every run refuses until you fix "
						+ "the database by hand and run 'migrations repair'."
				: "Nothing of it remains (rolled back); revisions before it stay applied.";
	}

	public String revision() {
		return this.revision;
	}

	public Direction direction() {
		return this.direction;
	}

	/** The file or class of the revision. */
	public String source() {
		return this.source;
	}

	/** The line on which the failing statement starts, if known. */
	public @Nullable Integer line() {
		return this.line;
	}

	public @Nullable String sqlState() {
		return this.sqlState;
	}

	/** The database's own message. */
	public String databaseMessage() {
		return this.databaseMessage;
	}

	/** Whether the revision was recorded {@code FAILED} instead of rolled back. */
	public boolean recordedFailed() {
		return this.recordedFailed;
	}

}
