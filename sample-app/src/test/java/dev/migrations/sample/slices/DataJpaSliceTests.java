package dev.migrations.sample.slices;

import dev.migrations.sample.todo.User;
import dev.migrations.sample.todo.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} slice runs the revisions before Hibernate validates the entities
 * ({@code ddl-auto=validate}): Migrations' auto-configuration is listed for
 * {@code @AutoConfigureDataSourceInitialization}, as Flyway's and Liquibase's are.
 */
@DataJpaTest
class DataJpaSliceTests {

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theRevisionsRanBeforeHibernateValidatedTheEntities() {
		this.users.save(new User("ada@example.com", "Ada"));
		assertThat(this.users.count()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT revision FROM \"migrations_applied\"", String.class))
			.containsExactlyInAnyOrder("001", "3f2a9c1b7d4e", "7c1e5a2b9d30", "a1b2c3d4e5f6", "b7e8f9a0c1d2",
					"c4d5e6f7a8b9");
	}

}
