package dev.migrations.boot.testcontainers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsContainerConnectionDetailsFactory} is registered where Spring Boot's
 * {@code @ServiceConnection} support looks for connection details factories.
 */
class MigrationsContainerConnectionDetailsFactoryTests {

	@Test
	void isRegisteredInSpringFactories() {
		// Other modules' factories need classes this class path lacks: their failures
		// are not this test's concern.
		FailureHandler ignore = (factoryType, factoryImplementationName, failure) -> {
		};
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class, ignore))
			.hasAtLeastOneElementOfType(MigrationsContainerConnectionDetailsFactory.class);
	}

}
