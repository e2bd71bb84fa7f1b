package dev.migrations.core.internal.source;

import dev.migrations.core.RevisionLocationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocationTests {

	@Test
	void classpathLocation() {
		assertThat(Location.parse("classpath:db/revisions"))
			.isEqualTo(new Location(Location.Kind.CLASSPATH, "db/revisions"));
		assertThat(Location.parse(" classpath:/db/revisions/ ")).hasToString("classpath:db/revisions");
		assertThat(Location.parse("classpath:db/revisions").packageName()).isEqualTo("db.revisions");
	}

	@Test
	void locationWithoutPrefixIsOnTheClasspath() {
		assertThat(Location.parse("db/revisions")).isEqualTo(new Location(Location.Kind.CLASSPATH, "db/revisions"));
	}

	@Test
	void filesystemLocation() {
		assertThat(Location.parse("filesystem:/srv/revisions/"))
			.isEqualTo(new Location(Location.Kind.FILESYSTEM, "/srv/revisions"));
		assertThat(Location.parse("filesystem:revisions")).hasToString("filesystem:revisions");
	}

	@Test
	void unknownPrefixIsAnError() {
		assertThatExceptionOfType(RevisionLocationException.class).isThrownBy(() -> Location.parse("file:/srv/x"))
			.withMessage("unknown location prefix 'file:' in 'file:/srv/x'; use 'classpath:' or 'filesystem:'")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("file:/srv/x"));
	}

	@Test
	void locationWithoutPathIsAnError() {
		assertThatExceptionOfType(RevisionLocationException.class).isThrownBy(() -> Location.parse("classpath:/"))
			.withMessage("location 'classpath:/' has no path; write e.g. 'classpath:db/revisions'");
		assertThatExceptionOfType(RevisionLocationException.class).isThrownBy(() -> Location.parse("filesystem:"))
			.withMessage("location 'filesystem:' has no path; write e.g. 'filesystem:/srv/revisions'");
	}

}
