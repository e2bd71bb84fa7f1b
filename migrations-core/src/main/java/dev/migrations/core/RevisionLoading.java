package dev.migrations.core;

import java.util.List;

import dev.migrations.core.internal.source.RevisionLoader;
import dev.migrations.core.internal.source.RevisionScript;

/** Loads the revisions of a configuration through the revision sources. */
final class RevisionLoading {

	private RevisionLoading() {
	}

	static List<RevisionScript> load(MigrationsConfiguration configuration) {
		return new RevisionLoader(configuration.classLoader(), configuration.javaRevisions())
			.load(configuration.locations());
	}

}
