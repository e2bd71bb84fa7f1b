package dev.migrations.boot.metrics;

import java.util.List;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionFailedException;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationsObservationListener} records runs and revisions as observations.
 */
class MigrationsObservationListenerTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void observesTheRunAndEachRevisionWithinIt() {
		migrator("observed", "classpath:revisions/todo").upgrade("heads");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("migrations.run", 1)
			.hasNumberOfObservationsWithNameEqualTo("migrations.revision", 2)
			.hasObservationWithNameEqualTo("migrations.run")
			.that()
			.hasContextualNameEqualTo("migrations upgrade")
			.hasLowCardinalityKeyValue("operation", "upgrade")
			.hasHighCardinalityKeyValue("target", "heads")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("migrations.revision")
			.that()
			.hasLowCardinalityKeyValue("direction", "upgrade")
			.hasHighCardinalityKeyValue("revision", "001")
			.hasParentObservationContextMatching((parent) -> parent.getName().equals("migrations.run"))
			.hasBeenStopped();
	}

	@Test
	void recordsTheErrorOfAFailedRevisionAndItsRun() {
		Migrator migrator = migrator("failing", "classpath:revisions/failing");
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("migrations.run")
			.that()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(RevisionFailedException.class);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("migrations.revision")
				.hasHighCardinalityKeyValue("revision", "002")
				.hasError());
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	private Migrator migrator(String name, String location) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:observation_" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		return Migrator.create(MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.locations(location)
			.listeners(List.of(new MigrationsObservationListener(this.registry)))
			.build());
	}

}
