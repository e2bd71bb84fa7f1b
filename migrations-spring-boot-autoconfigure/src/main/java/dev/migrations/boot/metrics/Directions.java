package dev.migrations.boot.metrics;

import java.util.Locale;

import dev.migrations.core.graph.Step;

/** Tag values of a step's direction. */
final class Directions {

	private Directions() {
	}

	static String of(Step step) {
		return step.direction().name().toLowerCase(Locale.ROOT);
	}

}
