package dev.migrations.core;

import java.util.List;

import dev.migrations.core.source.RevisionScript;

/** Loads the revisions of a configuration (delegates to the revision sources). */
final class RevisionLoading {

	private RevisionLoading() {
	}

	static List<RevisionScript> load(MigrationsConfiguration configuration) {
		throw new UnsupportedOperationException("Revision loading arrives with the revision sources");
	}

}
