package dev.migrations.cli;

/**
 * A command was given arguments it cannot use, found after parsing (e.g. a range where
 * only a target is allowed): reported like a parse error, with exit code 2.
 */
final class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
