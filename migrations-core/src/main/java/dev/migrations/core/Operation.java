package dev.migrations.core;

import java.util.Locale;

/** What a run does; also the {@code operation} column of the history table. */
public enum Operation {

	UPGRADE, DOWNGRADE, STAMP, REPAIR;

	/** The value stored in the history table: the lower-case name. */
	public String columnValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The operation stored as {@code value} in the history table.
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static Operation ofColumnValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
