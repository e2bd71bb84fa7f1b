package dev.migrations.benchmarks.tools;

/** What is measured, in table order. */
enum Metric {

	/** All revisions applied to an empty database by a fresh tool instance. */
	APPLY_ALL("apply all"),

	/** A fresh tool instance finding nothing to do: the cost of every start. */
	NO_OP("no-op"),

	/** The last revision applied on top of the others. */
	APPLY_ONE("apply one"),

	/** The no-op in a new JVM: the whole process, start to exit. */
	NO_OP_FRESH_JVM("no-op, new JVM (process)"),

	/** The no-op in a new JVM: the tool call alone, cold. */
	NO_OP_FRESH_JVM_CALL("no-op, new JVM (tool call)");

	private final String label;

	Metric(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
