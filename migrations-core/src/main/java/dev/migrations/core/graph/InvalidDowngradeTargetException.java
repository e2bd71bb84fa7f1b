package dev.migrations.core.graph;

import java.util.List;

/**
 * A downgrade target that is not below the current heads: not applied, or not on the
 * branch the target was qualified with.
 */
public class InvalidDowngradeTargetException extends RevisionGraphException {

	private final String argument;

	private final List<String> currentHeads;

	InvalidDowngradeTargetException(String argument, List<String> currentHeads, String detail) {
		super("Destination " + argument + " is not a valid downgrade target from current head(s); " + detail);
		this.argument = argument;
		this.currentHeads = List.copyOf(currentHeads);
	}

	/** The target as given. */
	public String argument() {
		return this.argument;
	}

	/** The current heads of the applied set, in load order. */
	public List<String> currentHeads() {
		return this.currentHeads;
	}

}
