package dev.migrations.core.internal.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.catalog.Catalog.Column;
import dev.migrations.core.catalog.Catalog.Constraint;
import dev.migrations.core.catalog.Catalog.Index;
import dev.migrations.core.catalog.Catalog.Table;
import dev.migrations.core.catalog.Catalog.Trigger;

/** The parts of one table while a reader collects them. */
final class TableParts {

	final @Nullable String comment;

	final List<Column> columns = new ArrayList<>();

	final List<Constraint> constraints = new ArrayList<>();

	final List<Index> indexes = new ArrayList<>();

	final List<Trigger> triggers = new ArrayList<>();

	TableParts(@Nullable String comment) {
		this.comment = comment;
	}

	/** Adds to the parts of a table being read; nothing for a table left out. */
	static void of(Map<String, TableParts> tables, String table, PartAdder adder) throws SQLException {
		TableParts parts = tables.get(table);
		if (parts != null) {
			adder.add(parts);
		}
	}

	Table toTable(String name) {
		return new Table(name, this.columns, this.constraints, this.indexes, this.triggers, this.comment);
	}

	/** Adds one part read from a row. */
	@FunctionalInterface
	interface PartAdder {

		void add(TableParts parts) throws SQLException;

	}

}
