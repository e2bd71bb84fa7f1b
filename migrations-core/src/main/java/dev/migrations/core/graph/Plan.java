package dev.migrations.core.graph;

import java.util.List;

/**
 * The ordered steps that bring a database from its applied revisions to a target.
 *
 * @param direction the direction of every step
 * @param steps the steps, in the order they run; empty when nothing is to do
 */
public record Plan(Direction direction, List<Step> steps) {

	public Plan {
		steps = List.copyOf(steps);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
