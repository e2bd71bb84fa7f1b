package dev.migrations.core.internal.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backoff between attempts after lock timeouts: full jitter, a random wait up to an
 * exponentially growing bound, capped.
 */
class DdlLockPolicyTests {

	@Test
	void theBoundDoublesFromHalfASecondUpToTenSeconds() {
		List<Long> bounds = new ArrayList<>();
		DdlLockPolicy policy = new DdlLockPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), null,
				Duration.ofMillis(500), Duration.ofSeconds(10), (bound) -> {
					bounds.add(bound);
					return bound - 1;
				});

		List<Long> waits = new ArrayList<>();
		for (int attempt = 1; attempt <= 8; attempt++) {
			waits.add(policy.backoff(attempt).toMillis());
		}

		assertThat(bounds).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L);
		assertThat(waits).containsExactly(499L, 999L, 1999L, 3999L, 7999L, 9999L, 9999L, 9999L);
	}

	@Test
	void aWaitCanBeAnythingFromZeroUpToTheBound() {
		DdlLockPolicy policy = DdlLockPolicy.of(Duration.ofSeconds(2), Duration.ofMinutes(5), null);
		for (int i = 0; i < 1000; i++) {
			assertThat(policy.backoff(3)).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(2));
		}
		assertThat(policy.backoff(1000)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void zeroLockTimeoutSetsNothing() {
		assertThat(DdlLockPolicy.none().setsLockTimeout()).isFalse();
		assertThat(DdlLockPolicy.of(Duration.ofMillis(1500), Duration.ZERO, null).lockTimeoutSetting())
			.isEqualTo("'1500ms'");
	}

	@Test
	void durationsAreWrittenAsTheSettingsAre() {
		assertThat(LockTimeoutRetry.millis(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(LockTimeoutRetry.millis(Duration.ofSeconds(2))).isEqualTo("2s");
		assertThat(LockTimeoutRetry.millis(Duration.ofMillis(2450))).isEqualTo("2.4s");
		assertThat(LockTimeoutRetry.millis(Duration.ofMinutes(5))).isEqualTo("5m");
		assertThat(LockTimeoutRetry.millis(Duration.ofMillis(297_600))).isEqualTo("4m57s");
	}

}
