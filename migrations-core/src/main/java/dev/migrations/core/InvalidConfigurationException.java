package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/** A setting of {@link MigrationsConfiguration} has a value that cannot work. */
public class InvalidConfigurationException extends MigrationsException {

	private final String setting;

	private final @Nullable Object value;

	public InvalidConfigurationException(String setting, @Nullable Object value, String requirement) {
		super("Invalid Migrations setting '" + setting + "': " + describe(value) + "; " + requirement);
		this.setting = setting;
		this.value = value;
	}

	private static String describe(@Nullable Object value) {
		return (value instanceof CharSequence) ? "'" + value + "'" : String.valueOf(value);
	}

	/** The name of the setting, e.g. {@code versionTable}. */
	public String setting() {
		return this.setting;
	}

	/** The rejected value. */
	public @Nullable Object value() {
		return this.value;
	}

}
