package dev.migrations.core.internal.dialect;

import dev.migrations.core.MigrationsConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The validated names of the state tables (see
 * {@link MigrationsConfiguration#IDENTIFIER}).
 *
 * @param schema the schema; {@code null} for the connection's current schema
 * @param versionTable the table of applied revisions
 * @param historyTable the history table
 */
public record TableNames(@Nullable String schema, String versionTable, String historyTable) {

	public TableNames {
		check(schema);
		check(versionTable);
		check(historyTable);
	}

	private static void check(@Nullable String identifier) {
		if (identifier != null && !MigrationsConfiguration.IDENTIFIER.matcher(identifier).matches()) {
			throw new IllegalArgumentException("Not a valid identifier: '" + identifier + "'");
		}
	}

	public static TableNames of(MigrationsConfiguration configuration) {
		return new TableNames(configuration.schema(), configuration.versionTable(), configuration.historyTable());
	}

}
