package dev.migrations.benchmarks.tools;

import dev.migrations.benchmarks.tools.Results.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ResultsTests {

	@Test
	void ratiosAreTakenRunByRunAgainstTheFloor() {
		Results results = new Results();
		results.add(10, Metric.NO_OP, "tool", 0, new Sample(3_000_000, 100));
		results.add(10, Metric.NO_OP, "tool", 1, new Sample(4_000_000, 300));
		results.add(10, Metric.NO_OP, "floor", 0, new Sample(1_000_000, 1));
		results.add(10, Metric.NO_OP, "floor", 1, new Sample(4_000_000, 1));
		Row row = results.row(10, Metric.NO_OP, "tool", "floor").orElseThrow();
		assertThat(row.ratio()).isEqualTo(new Statistics(2.0, 1.0, 3.0, 2));
		assertThat(row.millis()).isEqualTo(new Statistics(3.5, 3.0, 4.0, 2));
		assertThat(row.allocatedBytes()).isEqualTo(new Statistics(200, 100, 300, 2));
	}

	@Test
	void processSamplesHaveNoAllocationFigure() {
		Results results = new Results();
		results.add(10, Metric.NO_OP_FRESH_JVM, "tool", 0, new Sample(30, -1));
		assertThat(results.row(10, Metric.NO_OP_FRESH_JVM, "tool", "floor").orElseThrow().allocatedBytes()).isNull();
		assertThat(results.row(10, Metric.APPLY_ALL, "tool", "floor")).isEmpty();
	}

	@Test
	void aRunIsRecordedOnce() {
		Results results = new Results();
		results.add(10, Metric.NO_OP, "tool", 0, new Sample(30, 100));
		assertThatIllegalStateException().isThrownBy(() -> results.add(10, Metric.NO_OP, "tool", 0, new Sample(1, 1)));
	}

}
