package dev.migrations.core.internal.execution;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.internal.source.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Sends the statements of a transactional revision as JDBC batches, which the PostgreSQL
 * driver pipelines: one round trip for up to {@value #MAX_STATEMENTS} statements (or
 * {@value #MAX_CHARACTERS} characters of SQL) instead of one each. In a transaction this
 * changes nothing else: the statements run in order, and the first failure aborts the
 * rest. When a batch fails, the failing statement is told from the driver's message
 * ("Batch entry 2 ... was aborted"), checked against the statement's text, so that the
 * failure still names its line; the exception thrown is the database's own.
 */
final class StatementBatch {

	static final int MAX_STATEMENTS = 64;

	static final int MAX_CHARACTERS = 1 << 20;

	private final Statement statement;

	private final List<SqlStatement> pending = new ArrayList<>();

	private int characters;

	private int executed;

	private @Nullable SqlStatement failed;

	StatementBatch(Statement statement) {
		this.statement = statement;
	}

	/** Adds a statement, sending the batch when it is full. */
	void add(SqlStatement sql) throws SQLException {
		this.statement.addBatch(sql.sql());
		this.pending.add(sql);
		this.characters += sql.sql().length();
		if (this.pending.size() >= MAX_STATEMENTS || this.characters >= MAX_CHARACTERS) {
			flush();
		}
	}

	/**
	 * Sends the statements added since the last batch.
	 * @throws SQLException the failing statement's error (see {@link #failed()})
	 */
	void flush() throws SQLException {
		if (this.pending.isEmpty()) {
			return;
		}
		try {
			this.statement.executeBatch();
			this.executed += this.pending.size();
		}
		catch (BatchUpdateException ex) {
			int index = failedEntry(ex, this.pending);
			if (index >= 0) {
				this.failed = this.pending.get(index);
				this.executed += index;
			}
			throw databaseError(ex);
		}
		finally {
			this.pending.clear();
			this.characters = 0;
		}
	}

	/** The statements that ran, those before a failed one included. */
	int executed() {
		return this.executed;
	}

	/** The statement that failed, where the driver told which; {@code null} otherwise. */
	@Nullable SqlStatement failed() {
		return this.failed;
	}

	/**
	 * The index of the failed entry: the first number of the driver's message when the
	 * message holds that entry's text, else the only entry whose text it holds;
	 * {@code -1} when neither tells.
	 */
	static int failedEntry(BatchUpdateException ex, List<SqlStatement> batch) {
		String message = ex.getMessage();
		if (message == null) {
			return -1;
		}
		int index = firstNumber(message);
		if (index >= 0 && index < batch.size() && message.contains(batch.get(index).sql())) {
			return index;
		}
		int found = -1;
		for (int i = 0; i < batch.size(); i++) {
			if (message.contains(batch.get(i).sql())) {
				if (found >= 0) {
					return -1;
				}
				found = i;
			}
		}
		return found;
	}

	private static int firstNumber(String message) {
		int start = 0;
		while (start < message.length() && !Character.isDigit(message.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < message.length() && Character.isDigit(message.charAt(end)) && end - start < 9) {
			end++;
		}
		return (end > start) ? Integer.parseInt(message, start, end, 10) : -1;
	}

	/** The error the database reported, which the driver chains to its batch error. */
	private static SQLException databaseError(BatchUpdateException ex) {
		SQLException next = ex.getNextException();
		if (next != null) {
			return next;
		}
		return (ex.getCause() instanceof SQLException cause) ? cause : ex;
	}

}
