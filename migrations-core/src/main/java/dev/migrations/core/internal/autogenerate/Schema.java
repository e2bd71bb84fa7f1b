package dev.migrations.core.internal.autogenerate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A schema as autogenerate compares it: tables with their columns, constraints, indexes
 * and comments, sequences and enum types, each keyed by name and sorted, so anything
 * derived from it comes out in the same order every time. Types, defaults and definitions
 * are the server's own text (PostgreSQL's {@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}), so both sides of a comparison are normalised alike.
 *
 * @param tables the tables by name
 * @param sequences the sequences by name (not those owned by identity columns)
 * @param enums the enum types by name
 */
record Schema(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences,
		SortedMap<String, EnumType> enums) {

	Schema {
		tables = unmodifiable(tables);
		sequences = unmodifiable(sequences);
		enums = unmodifiable(enums);
	}

	static Schema of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enums) {
		return new Schema(byName(tables, Table::name), byName(sequences, Sequence::name),
				byName(enums, EnumType::name));
	}

	static <T> SortedMap<String, T> byName(Collection<T> items, Function<T, String> name) {
		return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, TreeMap::new));
	}

	private static <T> SortedMap<String, T> unmodifiable(SortedMap<String, T> map) {
		return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
	}

	Optional<Table> table(String name) {
		return Optional.ofNullable(this.tables.get(name));
	}

	/**
	 * A table.
	 *
	 * @param name its name
	 * @param columns its columns in their order
	 * @param constraints its primary key, unique, check and foreign key constraints by
	 * name
	 * @param indexes its indexes by name, without those backing constraints
	 * @param comment its comment, or {@code null}
	 */
	record Table(String name, List<Column> columns, SortedMap<String, Constraint> constraints,
			SortedMap<String, Index> indexes, @Nullable String comment) {

		Table {
			columns = List.copyOf(columns);
			constraints = unmodifiable(constraints);
			indexes = unmodifiable(indexes);
		}

		static Table of(String name, List<Column> columns, Collection<Constraint> constraints,
				Collection<Index> indexes, @Nullable String comment) {
			return new Table(name, columns, byName(constraints, Constraint::name), byName(indexes, Index::name),
					comment);
		}

		Optional<Column> column(String name) {
			return this.columns.stream().filter((column) -> column.name().equals(name)).findFirst();
		}

		Map<String, Column> columnsByName() {
			return byName(this.columns, Column::name);
		}

		Optional<Constraint> primaryKey() {
			return this.constraints.values()
				.stream()
				.filter((constraint) -> constraint.kind() == ConstraintKind.PRIMARY_KEY)
				.findFirst();
		}

		Table with(List<Column> columns, Collection<Constraint> constraints, Collection<Index> indexes,
				@Nullable String comment) {
			return of(this.name, columns, constraints, indexes, comment);
		}

	}

	/**
	 * A column.
	 *
	 * @param name its name
	 * @param type its type as the server prints it ({@code character varying(100)})
	 * @param nullable whether it takes nulls
	 * @param defaultValue its default expression, or {@code null}
	 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else
	 * {@code null}
	 * @param comment its comment, or {@code null}
	 */
	record Column(String name, String type, boolean nullable, @Nullable String defaultValue, @Nullable String identity,
			@Nullable String comment) {

		Column withType(String type) {
			return new Column(this.name, type, this.nullable, this.defaultValue, this.identity, this.comment);
		}

		Column withDefault(@Nullable String defaultValue, @Nullable String identity) {
			return new Column(this.name, this.type, this.nullable, defaultValue, identity, this.comment);
		}

		Column withComment(@Nullable String comment) {
			return new Column(this.name, this.type, this.nullable, this.defaultValue, this.identity, comment);
		}

	}

	/** The kinds of table constraints. */
	enum ConstraintKind {

		PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY

	}

	/**
	 * A table constraint.
	 *
	 * @param name its name
	 * @param kind its kind
	 * @param definition its definition as the server prints it
	 * ({@code FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE})
	 * @param columns the columns it constrains (none for a check)
	 * @param referencedTable the table a foreign key references, else {@code null}
	 * @param deferrable whether it is deferrable
	 */
	record Constraint(String name, ConstraintKind kind, String definition, List<String> columns,
			@Nullable String referencedTable, boolean deferrable) {

		Constraint {
			columns = List.copyOf(columns);
		}

		Constraint named(String name) {
			return new Constraint(name, this.kind, this.definition, this.columns, this.referencedTable,
					this.deferrable);
		}

	}

	/**
	 * An index that backs no constraint.
	 *
	 * @param name its name
	 * @param definition its {@code CREATE INDEX} statement as the server prints it
	 * @param unique whether it is unique
	 * @param columns its key columns, when it is {@linkplain #simple() simple}
	 * @param simple whether it is a plain B-tree index on columns, with no expression,
	 * predicate or included columns: one a JPA mapping can declare
	 */
	record Index(String name, String definition, boolean unique, List<String> columns, boolean simple) {

		Index {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * A sequence.
	 *
	 * @param name its name
	 * @param type its data type
	 * @param start its start value
	 * @param increment its increment
	 * @param minimum its minimum value
	 * @param maximum its maximum value
	 * @param cache its cache size
	 * @param cycle whether it cycles
	 */
	record Sequence(String name, String type, long start, long increment, long minimum, long maximum, long cache,
			boolean cycle) {

	}

	/**
	 * A PostgreSQL enum type.
	 *
	 * @param name its name
	 * @param labels its labels in their order
	 */
	record EnumType(String name, List<String> labels) {

		EnumType {
			labels = List.copyOf(labels);
		}

	}

}
