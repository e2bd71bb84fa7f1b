package dev.migrations.benchmarks.boot;

/** Where the revisions are. */
enum Layout {

	/**
	 * A directory, given to the tool by a {@code filesystem:} (or {@code file:})
	 * location.
	 */
	DIRECTORY("directory"),

	/**
	 * A jar on the class path, at each tool's default location, as a service is deployed.
	 */
	JAR("jar");

	private final String label;

	Layout(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
