package dev.migrations.core.execution;

import java.util.Locale;

import dev.migrations.core.graph.Step;

/** Wording about steps, shared by the log and offline scripts. */
public final class Steps {

	private Steps() {
	}

	/**
	 * Alembic's line: {@code Running upgrade A -> B, message}; a base shows nothing
	 * before the arrow, a merge {@code a, b -> c}.
	 */
	public static String describe(Step step) {
		return "Running " + step.direction().name().toLowerCase(Locale.ROOT) + " " + String.join(", ", step.from())
				+ " -> " + String.join(", ", step.to()) + ", " + step.revision().message();
	}

}
