package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error Migrations reports. Subtypes carry the data of the failure (the
 * revision, the file, the line) so that callers never need to parse a message. Each is
 * worded once, here: a {@linkplain #description() description} of what happened and,
 * where there is one, an {@linkplain #action() action} saying what to do; the message is
 * the two together. Integrations (the Spring Boot failure analysis, the endpoint) show
 * these instead of wording their own.
 */
public class MigrationsException extends RuntimeException {

	private final String description;

	private final @Nullable String action;

	public MigrationsException(String message) {
		this(message, null, null);
	}

	public MigrationsException(String message, @Nullable Throwable cause) {
		this(message, null, cause);
	}

	/**
	 * @param description what happened, without a final period
	 * @param action what to do about it, one or more sentences; {@code null} when the
	 * description says it all
	 * @param cause the original error
	 */
	protected MigrationsException(String description, @Nullable String action, @Nullable Throwable cause) {
		super((action != null) ? description + ". " + action : description, cause);
		this.description = description;
		this.action = action;
	}

	/** What happened. */
	public String description() {
		return this.description;
	}

	/** What to do about it; {@code null} when the description says it all. */
	public @Nullable String action() {
		return this.action;
	}

}
