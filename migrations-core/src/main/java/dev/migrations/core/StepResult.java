package dev.migrations.core;

import java.time.Duration;

import dev.migrations.core.graph.Step;

/**
 * One revision run successfully.
 *
 * @param step the revision and direction
 * @param duration how long its statements and state rows took
 */
public record StepResult(Step step, Duration duration) {

}
