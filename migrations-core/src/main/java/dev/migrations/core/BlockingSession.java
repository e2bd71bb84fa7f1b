package dev.migrations.core;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A database session holding a lock that a revision's statement waited for in vain
 * (PostgreSQL: from {@code pg_locks} and {@code pg_stat_activity}).
 *
 * @param pid the server process id of the session
 * @param state its state ({@code active}, {@code idle in transaction}, ...)
 * @param transactionStart when its open transaction started, if it has one
 * @param applicationName its {@code application_name}, if set
 * @param query its current or last query (at most 200 characters, on one line)
 * @param seenAt when the database was asked (its {@code now()})
 */
public record BlockingSession(int pid, @Nullable String state, @Nullable Instant transactionStart,
		@Nullable String applicationName, @Nullable String query, Instant seenAt) {

	/** How long its transaction has been open when it was seen; zero if unknown. */
	public Duration transactionAge() {
		return (this.transactionStart != null) ? Duration.between(this.transactionStart, this.seenAt) : Duration.ZERO;
	}

	/**
	 * One line for logs and messages, e.g.
	 * {@code pid 4242 (idle in transaction, transaction open for 12.3s, application 'psql', query 'SELECT ...')}.
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("pid ").append(this.pid)
			.append(" (")
			.append((this.state != null) ? this.state : "state unknown");
		if (this.transactionStart != null) {
			long millis = transactionAge().toMillis();
			text.append(", transaction open for ")
				.append(millis / 1000)
				.append('.')
				.append((millis % 1000) / 100)
				.append('s');
		}
		if (this.applicationName != null && !this.applicationName.isEmpty()) {
			text.append(", application '").append(this.applicationName).append('\'');
		}
		if (this.query != null && !this.query.isEmpty()) {
			text.append(", query '").append(this.query).append('\'');
		}
		return text.append(')').toString();
	}

}
