package dev.migrations.benchmarks.tools;

/**
 * One measurement.
 *
 * @param nanos the wall time
 * @param allocatedBytes the bytes the measuring thread allocated meanwhile, or {@code -1}
 * when not measured (a whole process)
 */
record Sample(long nanos, long allocatedBytes) {

	double millis() {
		return this.nanos / 1_000_000.0;
	}

}
