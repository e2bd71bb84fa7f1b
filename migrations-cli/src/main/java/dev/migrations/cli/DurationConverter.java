package dev.migrations.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option as the Spring Boot properties take one: {@code 500ms},
 * {@code 2s}, {@code 5m}, {@code 1h}, {@code 1d}, a bare number of seconds, or ISO-8601
 * ({@code PT2S}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

	@Override
	public Duration convert(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			String unit = (simple.group(2) != null) ? simple.group(2) : "s";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		try {
			return Duration.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException(
					"'" + value + "' is not a duration; write e.g. 500ms, 2s, 5m (a bare number is seconds)");
		}
	}

}
