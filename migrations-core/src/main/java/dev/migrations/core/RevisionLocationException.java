package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/** A location that is malformed, missing or cannot be scanned. */
public class RevisionLocationException extends MigrationsException {

	private final String location;

	public RevisionLocationException(String location, String message) {
		this(location, message, null);
	}

	public RevisionLocationException(String location, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.location = location;
	}

	/** The location as it was given. */
	public String location() {
		return this.location;
	}

}
