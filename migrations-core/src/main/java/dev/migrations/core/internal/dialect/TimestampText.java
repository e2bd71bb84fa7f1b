package dev.migrations.core.internal.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of a timestamp literal, {@code 2026-11-21 16:00:00.123456+00:00}, written
 * digit by digit: a {@code DateTimeFormatter} pattern loads locale data on first use, a
 * cost every start writing a history row would pay.
 */
final class TimestampText {

	private TimestampText() {
	}

	/** {@code value} in UTC, truncated to the microsecond; years 0 to 9999. */
	static String utc(Instant value) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
		StringBuilder text = new StringBuilder(32);
		digits(text, time.getYear(), 4).append('-');
		digits(text, time.getMonthValue(), 2).append('-');
		digits(text, time.getDayOfMonth(), 2).append(' ');
		digits(text, time.getHour(), 2).append(':');
		digits(text, time.getMinute(), 2).append(':');
		digits(text, time.getSecond(), 2).append('.');
		return digits(text, value.getNano() / 1000, 6).append("+00:00").toString();
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		return text.append(digits);
	}

}
