package dev.migrations.core.internal.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.catalog.Catalog.Column;
import dev.migrations.core.catalog.Catalog.Constraint;
import dev.migrations.core.catalog.Catalog.ConstraintKind;
import dev.migrations.core.catalog.Catalog.Identity;
import dev.migrations.core.catalog.Catalog.Index;
import dev.migrations.core.catalog.Catalog.Sequence;
import dev.migrations.core.catalog.Catalog.Table;
import dev.migrations.core.catalog.Catalog.Trigger;
import dev.migrations.core.catalog.Catalog.View;

/**
 * Reads an H2 (2.x) schema from {@code INFORMATION_SCHEMA}. H2 has no enum types of its
 * own (an {@code ENUM} column's values are part of its type), no functions in SQL, and
 * writes definitions of constraints and indexes nowhere: they are composed here in
 * PostgreSQL's words. The indexes H2 makes for constraints ({@code IS_GENERATED}) are
 * left out; an index of the user's stays in even where a constraint uses it (H2 picks one
 * for a foreign key, and may pick another after a change).
 */
final class H2CatalogReader {

	private static final String TABLES = """
			SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES
			WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'
			""";

	private static final String COLUMNS = """
			SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,
			       IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_GENERATION, IS_GENERATED,
			       GENERATION_EXPRESSION, REMARKS, DTD_IDENTIFIER, DECLARED_NUMERIC_PRECISION
			FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?
			ORDER BY TABLE_NAME, ORDINAL_POSITION
			""";

	private static final String ENUM_VALUES = """
			SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES
			WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE'
			ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL
			""";

	private static final String CONSTRAINTS = """
			SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, tc.IS_DEFERRABLE, tc.INITIALLY_DEFERRED,
			       tc.INDEX_NAME, rc.UNIQUE_CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, cc.CHECK_CLAUSE
			FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
			LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
			  ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
			  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE tc.CONSTRAINT_SCHEMA = ?
			""";

	private static final String KEY_COLUMNS = """
			SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, POSITION_IN_UNIQUE_CONSTRAINT
			FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = ?
			ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION
			""";

	private static final String INDEXES = """
			SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDERING_SPECIFICATION
			FROM INFORMATION_SCHEMA.INDEXES i
			JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
			  ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME
			WHERE i.INDEX_SCHEMA = ? AND NOT i.IS_GENERATED
			ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION
			""";

	private static final String TRIGGERS = """
			SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, JAVA_CLASS
			FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?
			""";

	private static final String SEQUENCES = """
			SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CACHE, CYCLE_OPTION
			FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?
			""";

	private static final String VIEWS = """
			SELECT v.TABLE_NAME, v.VIEW_DEFINITION, t.REMARKS FROM INFORMATION_SCHEMA.VIEWS v
			LEFT JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = v.TABLE_SCHEMA AND t.TABLE_NAME = v.TABLE_NAME
			WHERE v.TABLE_SCHEMA = ?
			""";

	private final Connection connection;

	private final String schema;

	private final Set<String> excludedTables;

	H2CatalogReader(Connection connection, String schema, Set<String> excludedTables) {
		this.connection = connection;
		this.schema = schema;
		this.excludedTables = excludedTables;
	}

	Catalog read() throws SQLException {
		Map<String, TableParts> tables = new LinkedHashMap<>();
		query(TABLES, (rs) -> {
			if (!this.excludedTables.contains(rs.getString(1))) {
				tables.put(rs.getString(1), new TableParts(rs.getString(2)));
			}
		});
		Map<String, List<String>> enumValues = new LinkedHashMap<>();
		query(ENUM_VALUES,
				(rs) -> enumValues.computeIfAbsent(rs.getString(1) + "\0" + rs.getString(2), (key) -> new ArrayList<>())
					.add(rs.getString(3)));
		query(COLUMNS, (rs) -> TableParts.of(tables, rs.getString(1),
				(parts) -> parts.columns.add(column(rs, enumValues.get(rs.getString(1) + "\0" + rs.getString(14))))));
		Map<String, List<KeyColumn>> keyColumns = new LinkedHashMap<>();
		query(KEY_COLUMNS, (rs) -> keyColumns.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
			.add(new KeyColumn(rs.getString(2), rs.getString(3), rs.getInt(4))));
		query(CONSTRAINTS, (rs) -> {
			Constraint constraint = constraint(rs, keyColumns);
			if (constraint != null) {
				TableParts.of(tables, rs.getString(1), (parts) -> parts.constraints.add(constraint));
			}
		});
		Map<String, IndexParts> indexes = new LinkedHashMap<>();
		query(INDEXES, (rs) -> {
			String table = rs.getString(1);
			boolean unique = String.valueOf(rs.getString(3)).startsWith("UNIQUE");
			IndexParts index = indexes.computeIfAbsent(rs.getString(2), (name) -> new IndexParts(table, unique));
			String ordering = rs.getString(5);
			index.keys.add("DESC".equals(ordering) ? rs.getString(4) + " DESC" : rs.getString(4));
		});
		for (Map.Entry<String, IndexParts> entry : indexes.entrySet()) {
			IndexParts index = entry.getValue();
			TableParts.of(tables, index.table, (parts) -> parts.indexes.add(index.toIndex(entry.getKey())));
		}
		query(TRIGGERS, (rs) -> TableParts.of(tables, rs.getString(1),
				(parts) -> parts.triggers
					.add(new Trigger(rs.getString(2), "CREATE TRIGGER " + rs.getString(2) + " " + rs.getString(3) + " "
							+ rs.getString(4) + " ON " + rs.getString(1) + " CALL \"" + rs.getString(5) + "\""))));
		List<Sequence> sequences = new ArrayList<>();
		query(SEQUENCES, (rs) -> sequences.add(new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3),
				rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), "YES".equals(rs.getString(8)), null)));
		List<View> views = new ArrayList<>();
		query(VIEWS, (rs) -> views.add(new View(rs.getString(1), false, rs.getString(2), rs.getString(3))));
		List<Table> result = new ArrayList<>();
		tables.forEach((name, parts) -> result.add(parts.toTable(name)));
		return new Catalog(DatabaseType.H2, this.schema, result, sequences, List.of(), views, List.of());
	}

	private static Column column(ResultSet rs, @Nullable List<String> enumValues) throws SQLException {
		String type = type(rs, enumValues);
		boolean identity = "YES".equals(rs.getString(9));
		boolean generated = "ALWAYS".equals(rs.getString(11));
		Identity kind = !identity ? null : "ALWAYS".equals(rs.getString(10)) ? Identity.ALWAYS : Identity.BY_DEFAULT;
		return new Column(rs.getString(2), type, "YES".equals(rs.getString(7)),
				(identity || generated) ? null : rs.getString(8), kind, generated ? rs.getString(12) : null,
				rs.getString(13));
	}

	private static String type(ResultSet rs, @Nullable List<String> enumValues) throws SQLException {
		String dataType = rs.getString(3);
		if (enumValues != null) {
			return "ENUM(" + String.join(", ", enumValues.stream().map((value) -> "'" + value + "'").toList()) + ")";
		}
		long length = rs.getLong(4);
		if (!rs.wasNull() && (dataType.contains("CHAR") || dataType.contains("BINARY"))) {
			return dataType + "(" + length + ")";
		}
		if (dataType.equals("NUMERIC") || dataType.equals("DECIMAL")) {
			int precision = rs.getInt(5);
			int scale = rs.getInt(6);
			return dataType + "(" + precision + ", " + scale + ")";
		}
		return dataType;
	}

	private static @Nullable Constraint constraint(ResultSet rs, Map<String, List<KeyColumn>> keyColumns)
			throws SQLException {
		String name = rs.getString(2);
		ConstraintKind kind = switch (rs.getString(3)) {
			case "PRIMARY KEY" -> ConstraintKind.PRIMARY_KEY;
			case "UNIQUE" -> ConstraintKind.UNIQUE;
			case "FOREIGN KEY" -> ConstraintKind.FOREIGN_KEY;
			case "CHECK" -> ConstraintKind.CHECK;
			default -> null;
		};
		if (kind == null) {
			return null;
		}
		boolean deferrable = "YES".equals(rs.getString(4));
		boolean deferred = "YES".equals(rs.getString(5));
		List<KeyColumn> keys = keyColumns.getOrDefault(name, List.of());
		List<String> columns = keys.stream().map(KeyColumn::column).toList();
		String list = String.join(", ", columns);
		if (kind == ConstraintKind.CHECK) {
			return new Constraint(name, kind, List.of(), null, List.of(), null, null, deferrable, deferred,
					"CHECK (" + rs.getString(10) + ")");
		}
		if (kind != ConstraintKind.FOREIGN_KEY) {
			String words = (kind == ConstraintKind.PRIMARY_KEY) ? "PRIMARY KEY" : "UNIQUE";
			return new Constraint(name, kind, columns, null, List.of(), null, null, deferrable, deferred,
					words + " (" + list + ")");
		}
		List<KeyColumn> referencedKey = keyColumns.getOrDefault(rs.getString(7), List.of());
		String referencedTable = referencedKey.isEmpty() ? null : referencedKey.get(0).table();
		List<String> referencedColumns = new ArrayList<>();
		for (KeyColumn key : keys) {
			int position = key.positionInUnique();
			referencedColumns.add((position >= 1 && position <= referencedKey.size())
					? referencedKey.get(position - 1).column() : "?");
		}
		String onUpdate = rs.getString(8);
		String onDelete = rs.getString(9);
		StringBuilder definition = new StringBuilder("FOREIGN KEY (").append(list)
			.append(") REFERENCES ")
			.append(referencedTable)
			.append('(')
			.append(String.join(", ", referencedColumns))
			.append(')');
		if (!"NO ACTION".equals(onUpdate) && !"RESTRICT".equals(onUpdate)) {
			definition.append(" ON UPDATE ").append(onUpdate);
		}
		if (!"NO ACTION".equals(onDelete) && !"RESTRICT".equals(onDelete)) {
			definition.append(" ON DELETE ").append(onDelete);
		}
		return new Constraint(name, kind, columns, referencedTable, referencedColumns, onUpdate, onDelete, deferrable,
				deferred, definition.toString());
	}

	private void query(String sql, CatalogQueries.RowHandler handler) throws SQLException {
		CatalogQueries.query(this.connection, sql, this.schema, handler);
	}

	private record KeyColumn(String table, String column, int positionInUnique) {

	}

	/** One index while its columns are read. */
	private static final class IndexParts {

		final String table;

		final boolean unique;

		final List<String> keys = new ArrayList<>();

		IndexParts(String table, boolean unique) {
			this.table = table;
			this.unique = unique;
		}

		Index toIndex(String name) {
			String definition = "CREATE " + (this.unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + this.table
					+ " (" + String.join(", ", this.keys) + ")";
			return new Index(name, this.unique, "btree", this.keys, List.of(), null, definition);
		}

	}

}
