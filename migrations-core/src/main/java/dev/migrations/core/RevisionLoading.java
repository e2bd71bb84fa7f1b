package dev.migrations.core;

import java.util.List;

import dev.migrations.core.internal.source.RevisionLoader;
import dev.migrations.core.internal.source.RevisionScript;
import dev.migrations.core.internal.source.SqlSyntax;
import org.jspecify.annotations.Nullable;

/** Loads the revisions of a configuration through the revision sources. */
final class RevisionLoading {

	private RevisionLoading() {
	}

	static List<RevisionScript> load(MigrationsConfiguration configuration) {
		return new RevisionLoader(configuration.classLoader(), configuration.javaRevisions())
			.load(configuration.locations(), syntax(configuration.databaseType()));
	}

	/** The syntax SQL files are split with on a database of this type, if known. */
	static @Nullable SqlSyntax syntax(@Nullable DatabaseType type) {
		if (type == null) {
			return null;
		}
		return (type == DatabaseType.MARIADB || type == DatabaseType.MYSQL) ? SqlSyntax.MYSQL : SqlSyntax.POSTGRESQL;
	}

}
