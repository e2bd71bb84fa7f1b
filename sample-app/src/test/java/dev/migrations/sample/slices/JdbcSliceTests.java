package dev.migrations.sample.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code @JdbcTest} slice finds the schema of the revisions. */
@JdbcTest
class JdbcSliceTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theRevisionsRanInTheSlicesDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tasks", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT revision FROM \"migrations_applied\"", String.class))
			.containsExactlyInAnyOrder("001", "3f2a9c1b7d4e", "7c1e5a2b9d30", "a1b2c3d4e5f6", "b7e8f9a0c1d2",
					"c4d5e6f7a8b9");
	}

}
