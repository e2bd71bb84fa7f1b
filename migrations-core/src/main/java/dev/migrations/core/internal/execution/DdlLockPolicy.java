package dev.migrations.core.internal.execution;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * How statements of revisions are kept from holding up the application on PostgreSQL: the
 * {@code lock_timeout} of statements whose lock blocks traffic, how long a revision is
 * retried after lock timeouts, the backoff between attempts, and the
 * {@code statement_timeout} of revisions.
 *
 * @param lockTimeout the {@code lock_timeout}; zero for none (and no retries)
 * @param retryBudget how long a revision is retried after its first lock timeout
 * @param statementTimeout the {@code statement_timeout}, {@code null} to leave it alone
 * @param backoffBase the first backoff's upper bound; the n-th is {@code base * 2^(n-1)}
 * @param backoffCap the largest backoff's upper bound
 * @param random a random number in {@code [0, bound)} for the full jitter
 */
public record DdlLockPolicy(Duration lockTimeout, Duration retryBudget, @Nullable Duration statementTimeout,
		Duration backoffBase, Duration backoffCap, Jitter random) {

	/**
	 * The backoff of the first retry is at most half a second, of later ones at most 10
	 * s.
	 */
	public static DdlLockPolicy of(Duration lockTimeout, Duration retryBudget, @Nullable Duration statementTimeout) {
		return new DdlLockPolicy(lockTimeout, retryBudget, statementTimeout, Duration.ofMillis(500),
				Duration.ofSeconds(10), (bound) -> ThreadLocalRandom.current().nextLong(bound));
	}

	/**
	 * No lock timeout, no statement timeout: statements run as the connection has them.
	 */
	public static DdlLockPolicy none() {
		return of(Duration.ZERO, Duration.ZERO, null);
	}

	public boolean setsLockTimeout() {
		return !this.lockTimeout.isZero();
	}

	/**
	 * The wait before attempt {@code attempt + 1} after {@code attempt} timed out: full
	 * jitter, a random time up to {@code min(cap, base * 2^(attempt-1))}.
	 */
	Duration backoff(int attempt) {
		long base = this.backoffBase.toMillis();
		long bound = Math.min(this.backoffCap.toMillis(), base << Math.min(attempt - 1, 20));
		return Duration.ofMillis(this.random.next(Math.max(bound, 1)));
	}

	/** {@code lock_timeout} as a PostgreSQL setting value. */
	String lockTimeoutSetting() {
		return "'" + this.lockTimeout.toMillis() + "ms'";
	}

	/** A random number source. */
	@FunctionalInterface
	public interface Jitter {

		/** A random number in {@code [0, bound)}. */
		long next(long bound);

	}

}
