package dev.migrations.core.internal.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.core.OfflineSqlException;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.execution.StepSink;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.ExecutableRevision.SqlBody;
import dev.migrations.core.internal.source.SqlSyntax;
import org.jspecify.annotations.Nullable;

/**
 * Prints the steps of a run as a script: a {@code -- Running upgrade A -> B, message}
 * comment per step, {@code BEGIN;} and {@code COMMIT;} where the run opens and commits
 * transactions, and each statement with its terminator. For the {@code mysql} client, a
 * statement holding {@code ;} (a routine body) is put between {@code DELIMITER} lines.
 */
final class ScriptSink implements StepSink {

	private final Writer out;

	private final SqlSyntax syntax;

	ScriptSink(Writer out, SqlSyntax syntax) {
		this.out = out;
		this.syntax = syntax;
	}

	@Override
	public void stepStarted(Step step, ExecutableRevision revision) {
		write("-- " + step.describe() + "\n\n");
	}

	@Override
	public void mark(String statement) {
		statement(statement);
	}

	@Override
	public void begin() {
		write("BEGIN;\n\n");
	}

	@Override
	public void body(Step step, ExecutableRevision revision, boolean inTransaction) throws SQLException {
		if (!(revision.body() instanceof SqlBody sql)) {
			throw new OfflineSqlException(revision.id(), revision.source());
		}
		sql.statements(step.direction()).forEach(this.syntax, (each) -> statement(each.sql()));
	}

	@Override
	public @Nullable Instant startedAt() {
		return null;
	}

	@Override
	public Duration elapsed() {
		return Duration.ZERO;
	}

	@Override
	public void state(List<String> statements) {
		statements.forEach(this::statement);
	}

	@Override
	public void commit() {
		write("COMMIT;\n\n");
	}

	@Override
	public void stepFinished(Step step, Duration duration) {
	}

	/**
	 * Writes one statement with its terminator; on a line of its own when the statement's
	 * last line might end in a {@code --} comment.
	 */
	void statement(String sql) {
		String trimmed = sql.strip();
		int lastLine = trimmed.lastIndexOf('\n');
		String last = trimmed.substring(lastLine + 1);
		if (this.syntax == SqlSyntax.MYSQL && trimmed.indexOf(';') >= 0) {
			String delimiter = delimiterFor(trimmed);
			write("DELIMITER " + delimiter + "\n" + trimmed + "\n" + delimiter + "\nDELIMITER ;\n\n");
			return;
		}
		boolean comment = last.contains("--") || (this.syntax == SqlSyntax.MYSQL && last.indexOf('#') >= 0);
		write(trimmed);
		write(comment ? "\n;\n\n" : ";\n\n");
	}

	/**
	 * A delimiter for the {@code mysql} client that the statement does not hold, for a
	 * statement holding {@code ;} (a routine or trigger body).
	 */
	private static String delimiterFor(String sql) {
		for (String candidate : new String[] { "//", "$$", ";;", "@@" }) {
			if (!sql.contains(candidate)) {
				return candidate;
			}
		}
		String delimiter = "//";
		while (sql.contains(delimiter)) {
			delimiter += "/";
		}
		return delimiter;
	}

	void write(String text) {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
