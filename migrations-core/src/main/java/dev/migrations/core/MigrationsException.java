package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error Migrations reports. Subtypes carry the data of the failure (the
 * revision, the file, the line) so that callers never need to parse a message.
 */
public class MigrationsException extends RuntimeException {

	public MigrationsException(String message) {
		super(message);
	}

	public MigrationsException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
