package dev.migrations.benchmarks.tools;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatisticsTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		Statistics statistics = Statistics.of(List.of(5.0, 1.0, 3.0, 9.0, 2.0));
		assertThat(statistics).isEqualTo(new Statistics(3.0, 1.0, 9.0, 5));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleValues() {
		assertThat(Statistics.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
	}

	@Test
	void noValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.of(List.of()));
	}

}
