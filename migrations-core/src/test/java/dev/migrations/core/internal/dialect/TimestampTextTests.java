package dev.migrations.core.internal.dialect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampTextTests {

	private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-21T16:30:01.123456Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
			"0999-03-04T05:06:07.000008Z", "9999-12-31T23:59:59.5Z" })
	void writesWhatTheEquivalentPatternWrites(String instant) {
		Instant value = Instant.parse(instant);

		assertThat(TimestampText.utc(value)).isEqualTo(PATTERN.format(value));
	}

}
