package dev.migrations.core.internal.catalog;

import java.sql.Array;
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
import dev.migrations.core.catalog.Catalog.EnumType;
import dev.migrations.core.catalog.Catalog.Function;
import dev.migrations.core.catalog.Catalog.Identity;
import dev.migrations.core.catalog.Catalog.Index;
import dev.migrations.core.catalog.Catalog.Sequence;
import dev.migrations.core.catalog.Catalog.Table;
import dev.migrations.core.catalog.Catalog.Trigger;
import dev.migrations.core.catalog.Catalog.View;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog}, letting the server write types
 * ({@code format_type}), defaults and predicates ({@code pg_get_expr}), constraints
 * ({@code pg_get_constraintdef}), indexes ({@code pg_get_indexdef}), views, functions and
 * triggers. One query per kind of object, each over the whole schema.
 */
final class PostgresCatalogReader {

	private static final String TABLES = """
			SELECT c.relname, obj_description(c.oid, 'pg_class')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
			""";

	private static final String COLUMNS = """
			SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
			       col_description(a.attrelid, a.attnum)
			FROM pg_attribute a
			JOIN pg_class c ON c.oid = a.attrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
			ORDER BY c.relname, a.attnum
			""";

	private static final String CONSTRAINTS = """
			SELECT c.relname, con.conname, con.contype,
			       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
			       CASE WHEN con.confrelid = 0 THEN NULL
			            WHEN rn.nspname = n.nspname THEN r.relname
			            ELSE rn.nspname || '.' || r.relname END,
			       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
			       con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred,
			       pg_get_constraintdef(con.oid, true)
			FROM pg_constraint con
			JOIN pg_class c ON c.oid = con.conrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_class r ON r.oid = con.confrelid
			LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND con.contype IN ('p', 'u', 'f', 'c', 'x')
			""";

	private static final String INDEXES = """
			SELECT t.relname, ic.relname, i.indisunique, am.amname, i.indnkeyatts,
			       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
			             FROM generate_series(1, i.indnatts) k ORDER BY k),
			       pg_get_expr(i.indpred, i.indrelid), pg_get_indexdef(i.indexrelid)
			FROM pg_index i
			JOIN pg_class ic ON ic.oid = i.indexrelid
			JOIN pg_class t ON t.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			JOIN pg_am am ON am.oid = ic.relam
			WHERE n.nspname = ? AND t.relkind IN ('r', 'p')
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
			                  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
			""";

	private static final String TRIGGERS = """
			SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true)
			FROM pg_trigger t
			JOIN pg_class c ON c.oid = t.tgrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND NOT t.tgisinternal
			""";

	private static final String SEQUENCES = """
			SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
			       s.seqcache, s.seqcycle, owner.relname, owner.attname
			FROM pg_sequence s
			JOIN pg_class c ON c.oid = s.seqrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN LATERAL (
			    SELECT t.relname, a.attname FROM pg_depend d
			    JOIN pg_class t ON t.oid = d.refobjid
			    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			      AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
			    LIMIT 1) owner ON true
			WHERE n.nspname = ?
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                  AND d.objid = c.oid AND d.deptype IN ('i', 'e'))
			""";

	private static final String ENUM_TYPES = """
			SELECT t.typname,
			       ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = ? AND t.typtype = 'e'
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
			                  AND d.objid = t.oid AND d.deptype = 'e')
			""";

	private static final String VIEWS = """
			SELECT c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true), obj_description(c.oid, 'pg_class')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('v', 'm')
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                  AND d.objid = c.oid AND d.deptype = 'e')
			""";

	private static final String FUNCTIONS = """
			SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
			       pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc')
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = ? AND p.prokind IN ('f', 'p')
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
			                  AND d.objid = p.oid AND d.deptype = 'e')
			""";

	private final Connection connection;

	private final String schema;

	private final Set<String> excludedTables;

	PostgresCatalogReader(Connection connection, String schema, Set<String> excludedTables) {
		this.connection = connection;
		this.schema = schema;
		this.excludedTables = excludedTables;
	}

	Catalog read() throws SQLException {
		Map<String, TableParts> tables = new LinkedHashMap<>();
		query(TABLES, (rs) -> {
			String table = rs.getString(1);
			if (!this.excludedTables.contains(table)) {
				tables.put(table, new TableParts(rs.getString(2)));
			}
		});
		query(COLUMNS, (rs) -> TableParts.of(tables, rs.getString(1), (parts) -> parts.columns.add(column(rs))));
		query(CONSTRAINTS,
				(rs) -> TableParts.of(tables, rs.getString(1), (parts) -> parts.constraints.add(constraint(rs))));
		query(INDEXES, (rs) -> TableParts.of(tables, rs.getString(1), (parts) -> parts.indexes.add(index(rs))));
		query(TRIGGERS, (rs) -> TableParts.of(tables, rs.getString(1),
				(parts) -> parts.triggers.add(new Trigger(rs.getString(2), rs.getString(3)))));
		List<Sequence> sequences = new ArrayList<>();
		query(SEQUENCES, (rs) -> {
			String ownerTable = rs.getString(9);
			if (ownerTable == null || !this.excludedTables.contains(ownerTable)) {
				sequences.add(new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBoolean(8),
						(ownerTable != null) ? ownerTable + "." + rs.getString(10) : null));
			}
		});
		List<EnumType> enumTypes = new ArrayList<>();
		query(ENUM_TYPES, (rs) -> enumTypes.add(new EnumType(rs.getString(1), strings(rs.getArray(2)))));
		List<View> views = new ArrayList<>();
		query(VIEWS, (rs) -> views.add(new View(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4))));
		List<Function> functions = new ArrayList<>();
		query(FUNCTIONS, (rs) -> functions.add(new Function(rs.getString(1), rs.getString(2), rs.getString(3))));
		List<Table> result = new ArrayList<>();
		tables.forEach((name, parts) -> result.add(parts.toTable(name)));
		return new Catalog(DatabaseType.POSTGRESQL, this.schema, result, sequences, enumTypes, views, functions);
	}

	private static Column column(ResultSet rs) throws SQLException {
		String identity = rs.getString(6);
		String generated = rs.getString(7);
		boolean isGenerated = generated != null && !generated.isEmpty();
		String expression = rs.getString(5);
		return new Column(rs.getString(2), rs.getString(3), !rs.getBoolean(4), isGenerated ? null : expression,
				identity(identity), isGenerated ? expression : null, rs.getString(8));
	}

	private static @Nullable Identity identity(@Nullable String code) {
		if ("a".equals(code)) {
			return Identity.ALWAYS;
		}
		return "d".equals(code) ? Identity.BY_DEFAULT : null;
	}

	private static Constraint constraint(ResultSet rs) throws SQLException {
		ConstraintKind kind = switch (rs.getString(3)) {
			case "p" -> ConstraintKind.PRIMARY_KEY;
			case "u" -> ConstraintKind.UNIQUE;
			case "f" -> ConstraintKind.FOREIGN_KEY;
			case "c" -> ConstraintKind.CHECK;
			default -> ConstraintKind.EXCLUSION;
		};
		boolean foreignKey = kind == ConstraintKind.FOREIGN_KEY;
		List<String> columns = (kind == ConstraintKind.CHECK) ? List.of() : strings(rs.getArray(4));
		return new Constraint(rs.getString(2), kind, columns, rs.getString(5),
				foreignKey ? strings(rs.getArray(6)) : List.of(), foreignKey ? action(rs.getString(7)) : null,
				foreignKey ? action(rs.getString(8)) : null, rs.getBoolean(9), rs.getBoolean(10), rs.getString(11));
	}

	private static String action(String code) {
		return switch (code) {
			case "r" -> "RESTRICT";
			case "c" -> "CASCADE";
			case "n" -> "SET NULL";
			case "d" -> "SET DEFAULT";
			default -> "NO ACTION";
		};
	}

	private static Index index(ResultSet rs) throws SQLException {
		int keyCount = rs.getInt(5);
		List<String> all = strings(rs.getArray(6));
		return new Index(rs.getString(2), rs.getBoolean(3), rs.getString(4), all.subList(0, keyCount),
				all.subList(keyCount, all.size()), rs.getString(7), rs.getString(8));
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return CatalogQueries.strings(array);
	}

	private void query(String sql, CatalogQueries.RowHandler handler) throws SQLException {
		CatalogQueries.query(this.connection, sql, this.schema, handler);
	}

}
