package dev.migrations.core.internal.source;

/**
 * One SQL statement of a script, without its terminating {@code ;}.
 *
 * @param sql the statement text
 * @param line the 1-based line of the file on which the statement starts
 */
public record SqlStatement(String sql, int line) {

}
