package dev.migrations.benchmarks.boot;

import java.util.Locale;

/**
 * One way of starting the service: a variant, with its revisions in a layout (the layout
 * of {@link Variant#NONE} is {@link Layout#DIRECTORY} and means nothing).
 *
 * @param variant what runs at the start
 * @param layout where its revisions are
 */
record Start(Variant variant, Layout layout) {

	/** The database the start runs on, brought up to date beforehand. */
	String database() {
		String key = "bootbench_" + this.variant.name().toLowerCase(Locale.ROOT);
		return this.variant.tool() ? key + "_" + this.layout.name().toLowerCase(Locale.ROOT) : key;
	}

	/** E.g. {@code Flyway, jar}. */
	String label() {
		return this.variant.tool() ? this.variant.label() + ", " + this.layout.label() : this.variant.label();
	}

}
