package dev.migrations.benchmarks.tools;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;

/**
 * A timed tool call: its wall time and the bytes the calling thread allocated.
 *
 * @param sample the time and allocation
 * @param applied what the call returned: the revisions applied, or {@code -1}
 */
record Measurement(Sample sample, int applied) {

	/** Runs the call once, measuring it. */
	static Measurement of(ToolCall call) throws Exception {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		int applied = call.run();
		long nanos = System.nanoTime() - start;
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		return new Measurement(new Sample(nanos, allocated), applied);
	}

	/** The measured call. */
	@FunctionalInterface
	interface ToolCall {

		int run() throws Exception;

	}

}
