package dev.migrations.core.internal.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.migrations.core.internal.autogenerate.Schema.Column;
import dev.migrations.core.internal.autogenerate.Schema.Constraint;
import dev.migrations.core.internal.autogenerate.Schema.ConstraintKind;
import dev.migrations.core.internal.autogenerate.Schema.EnumType;
import dev.migrations.core.internal.autogenerate.Schema.Index;
import dev.migrations.core.internal.autogenerate.Schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * The diff policies: the schema the revisions should have after the new revision, built
 * from the model (M) and the revisions' schema (H). It is the model, except where the
 * model says nothing H should lose or says the same thing differently:
 * <ul>
 * <li>a length or precision the mapping did not state (Hibernate's implicit
 * {@code varchar(255)}, {@code numeric(38,2)}, {@code timestamp(6)}) keeps H's type;</li>
 * <li>constraints and indexes are matched by what they do before their names: a matched
 * one keeps H's name, and a unique constraint equals a unique index on the same
 * columns;</li>
 * <li>what JPA cannot express (partial, expression, non-B-tree and covering indexes, a
 * deferrable foreign key, a default or comment only in the database) is kept and
 * listed;</li>
 * <li>tables the model does not map are kept and listed, unless dropping them was asked
 * for; the state tables are never looked at;</li>
 * <li>a new constraint or index with one of Hibernate's generated names
 * ({@code FK8xq...}, {@code UK6do...}) gets a readable one
 * ({@code fk_tasks_user_id}).</li>
 * </ul>
 */
final class TargetSchema {

	private static final Pattern GENERATED_NAME = Pattern
		.compile("(?i)(FK|UK|IDX|PK)[a-z0-9]{16,}|(CONSTRAINT|PRIMARY_KEY|INDEX)_[0-9A-F]+");

	private static final Pattern IMPLICIT_PRECISION = Pattern
		.compile("^(timestamp|time)\\(6\\)( with(out)? time zone)$");

	private static final int MAX_NAME_LENGTH = 63;

	private static final Pattern CAST = Pattern
		.compile("::(\"[^\"]+\"|[a-z_][a-z0-9_]*( (varying|precision|with(out)? time zone))?)(\\[\\])?");

	private final List<String> kept = new ArrayList<>();

	private final List<String> unmapped = new ArrayList<>();

	private final Schema target;

	private TargetSchema(Schema heads, Schema model, boolean dropUnmappedTables) {
		List<Table> tables = new ArrayList<>();
		for (Table table : model.tables().values()) {
			Optional<Table> existing = heads.table(table.name());
			tables.add(existing.isPresent() ? merge(existing.get(), table) : renamed(table));
		}
		for (Table table : heads.tables().values()) {
			if (!model.tables().containsKey(table.name())) {
				this.unmapped.add(table.name());
				if (!dropUnmappedTables) {
					tables.add(table);
				}
			}
		}
		Set<String> typesInUse = new HashSet<>();
		tables.forEach((table) -> table.columns().forEach((column) -> typesInUse.add(column.type())));
		List<EnumType> enums = new ArrayList<>(model.enums().values());
		for (EnumType type : heads.enums().values()) {
			if (!model.enums().containsKey(type.name()) && typesInUse.contains(type.name())) {
				enums.add(type);
			}
		}
		this.target = Schema.of(tables, model.sequences().values(), enums);
	}

	/** The target of the revisions' schema {@code heads} for {@code model}. */
	static TargetSchema of(Schema heads, Schema model, boolean dropUnmappedTables) {
		return new TargetSchema(heads, model, dropUnmappedTables);
	}

	Schema schema() {
		return this.target;
	}

	/** What H has that the model cannot express, kept, in the order found. */
	List<String> kept() {
		return List.copyOf(this.kept);
	}

	/** Tables of H the model does not map, by name. */
	List<String> unmappedTables() {
		return List.copyOf(this.unmapped);
	}

	private Table merge(Table heads, Table model) {
		List<Column> columns = new ArrayList<>();
		for (Column column : model.columns()) {
			Optional<Column> existing = heads.column(column.name());
			columns.add(existing.isPresent() ? merge(heads.name(), existing.get(), column) : column);
		}
		List<Constraint> constraints = new ArrayList<>();
		List<Index> indexes = new ArrayList<>();
		Set<String> usedHeads = new HashSet<>();
		for (Constraint constraint : model.constraints().values()) {
			Optional<Object> match = match(heads, constraint, usedHeads);
			if (match.isPresent()) {
				if (match.get() instanceof Constraint existing) {
					constraints.add(existing);
					if (existing.deferrable() && !constraint.deferrable()) {
						this.kept.add("deferrable " + existing.name() + " on " + heads.name());
					}
				}
				else {
					indexes.add((Index) match.get());
				}
			}
			else {
				constraints.add(renamed(model.name(), constraint));
			}
		}
		for (Index index : model.indexes().values()) {
			Optional<Object> match = index.unique() ? matchUnique(heads, index.columns(), usedHeads)
					: matchIndex(heads, index, usedHeads);
			if (match.isPresent()) {
				if (match.get() instanceof Constraint existing) {
					constraints.add(existing);
				}
				else {
					indexes.add((Index) match.get());
				}
			}
			else {
				indexes.add(renamed(model.name(), index));
			}
		}
		for (Index index : heads.indexes().values()) {
			if (!index.simple() && usedHeads.add(index.name())) {
				indexes.add(index);
				this.kept.add("index " + index.name() + " on " + heads.name());
			}
		}
		String comment = model.comment();
		if (comment == null && heads.comment() != null) {
			comment = heads.comment();
			this.kept.add("comment of " + heads.name());
		}
		return model.with(columns, constraints, indexes, comment);
	}

	private Column merge(String table, Column heads, Column model) {
		Column column = model;
		if (!model.type().equals(heads.type()) && sameTypeWithImplicitLength(heads.type(), model.type())) {
			column = column.withType(heads.type());
		}
		if (model.identity() != null) {
			if (heads.identity() == null && isSerial(heads.defaultValue())) {
				column = column.withDefault(heads.defaultValue(), null);
			}
		}
		else if (model.defaultValue() == null && heads.defaultValue() != null && heads.identity() == null) {
			column = column.withDefault(heads.defaultValue(), null);
			this.kept.add("default of " + table + "." + heads.name());
		}
		if (model.comment() == null && heads.comment() != null) {
			column = column.withComment(heads.comment());
			this.kept.add("comment of " + table + "." + heads.name());
		}
		return column;
	}

	/**
	 * Whether the model's type is the revisions' type with a length or precision the
	 * mapping did not state.
	 */
	static boolean sameTypeWithImplicitLength(String headsType, String modelType) {
		String heads = headsType.toLowerCase(Locale.ROOT);
		String model = modelType.toLowerCase(Locale.ROOT).replace(", ", ",");
		if (model.equals("character varying(255)")) {
			return heads.startsWith("character varying") || heads.equals("text");
		}
		if (model.equals("numeric(38,2)")) {
			return heads.startsWith("numeric");
		}
		return IMPLICIT_PRECISION.matcher(model).replaceFirst("$1$2").equals(heads);
	}

	private static boolean isSerial(@Nullable String defaultValue) {
		return defaultValue != null && defaultValue.startsWith("nextval(");
	}

	/** H's object doing what {@code constraint} does, if any. */
	private static Optional<Object> match(Table heads, Constraint constraint, Set<String> used) {
		if (constraint.kind() == ConstraintKind.UNIQUE) {
			return matchUnique(heads, constraint.columns(), used);
		}
		for (Constraint existing : heads.constraints().values()) {
			if (existing.kind() == constraint.kind() && !used.contains(existing.name())
					&& sameDefinition(existing, constraint)) {
				used.add(existing.name());
				return Optional.of(existing);
			}
		}
		return Optional.empty();
	}

	private static boolean sameDefinition(Constraint heads, Constraint model) {
		return switch (model.kind()) {
			case PRIMARY_KEY -> heads.columns().equals(model.columns());
			case FOREIGN_KEY -> withoutDeferrable(heads.definition()).equals(withoutDeferrable(model.definition()));
			case CHECK -> normalizedCheck(heads.definition()).equals(normalizedCheck(model.definition()));
			default -> heads.definition().equals(model.definition());
		};
	}

	/**
	 * A check's definition without what the server adds when it prints an expression it
	 * parsed (casts, parentheses, spaces), so that a definition printed, run and printed
	 * again still matches: {@code (status)::text = ANY ((ARRAY['A'::character
	 * varying])::text[])} and {@code status::text = ANY (ARRAY['A'::character
	 * varying]::text[])} are the same check.
	 */
	static String normalizedCheck(String definition) {
		return CAST.matcher(definition).replaceAll("").replaceAll("[()\\s]", "").toLowerCase(Locale.ROOT);
	}

	private static String withoutDeferrable(String definition) {
		return definition.replaceAll(" (NOT )?DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?$", "");
	}

	/** A unique constraint or a simple unique index of H on the same columns. */
	private static Optional<Object> matchUnique(Table heads, List<String> columns, Set<String> used) {
		Set<String> wanted = new TreeSet<>(columns);
		for (Constraint existing : heads.constraints().values()) {
			if (existing.kind() == ConstraintKind.UNIQUE && !used.contains(existing.name())
					&& new TreeSet<>(existing.columns()).equals(wanted)) {
				used.add(existing.name());
				return Optional.of(existing);
			}
		}
		for (Index existing : heads.indexes().values()) {
			if (existing.unique() && existing.simple() && !used.contains(existing.name())
					&& new TreeSet<>(existing.columns()).equals(wanted)) {
				used.add(existing.name());
				return Optional.of(existing);
			}
		}
		return Optional.empty();
	}

	private static Optional<Object> matchIndex(Table heads, Index index, Set<String> used) {
		for (Index existing : heads.indexes().values()) {
			if (!existing.unique() && existing.simple() && !used.contains(existing.name())
					&& existing.columns().equals(index.columns())) {
				used.add(existing.name());
				return Optional.of(existing);
			}
		}
		return Optional.empty();
	}

	private static Table renamed(Table table) {
		List<Constraint> constraints = table.constraints()
			.values()
			.stream()
			.map((constraint) -> renamed(table.name(), constraint))
			.toList();
		List<Index> indexes = table.indexes().values().stream().map((index) -> renamed(table.name(), index)).toList();
		return table.with(table.columns(), constraints, indexes, table.comment());
	}

	private static Constraint renamed(String table, Constraint constraint) {
		if (!GENERATED_NAME.matcher(constraint.name()).matches()) {
			return constraint;
		}
		String prefix = switch (constraint.kind()) {
			case PRIMARY_KEY -> "pk";
			case UNIQUE -> "uq";
			case FOREIGN_KEY -> "fk";
			case CHECK -> "ck";
		};
		return constraint.named(name(prefix, table, constraint.columns()));
	}

	private static Index renamed(String table, Index index) {
		if (!GENERATED_NAME.matcher(index.name()).matches()) {
			return index;
		}
		return new Index(name(index.unique() ? "uq" : "ix", table, index.columns()), index.definition(), index.unique(),
				index.columns(), index.simple());
	}

	private static String name(String prefix, String table, List<String> columns) {
		String name = (prefix + "_" + table + "_" + String.join("_", columns)).toLowerCase(Locale.ROOT);
		if (table.equals(table.toUpperCase(Locale.ROOT))) {
			// a database folding names to upper case (H2): a name it need not quote
			name = name.toUpperCase(Locale.ROOT);
		}
		return (name.length() > MAX_NAME_LENGTH) ? name.substring(0, MAX_NAME_LENGTH) : name;
	}

}
