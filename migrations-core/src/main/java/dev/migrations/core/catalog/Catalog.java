package dev.migrations.core.catalog;

import java.sql.Connection;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.UnsupportedDatabaseException;
import dev.migrations.core.internal.catalog.CatalogComparison;
import dev.migrations.core.internal.catalog.CatalogReaders;

/**
 * An immutable snapshot of one schema, read from the database's own catalog (PostgreSQL:
 * {@code pg_catalog} and its deparsers {@code pg_get_indexdef},
 * {@code pg_get_constraintdef}, {@code pg_get_expr}, {@code format_type}; H2:
 * {@code INFORMATION_SCHEMA}), so that the server normalises types, defaults and
 * expressions the same way on both sides of a comparison. Sequence values and the
 * excluded tables (the state tables) are not part of it. Every list is sorted by name;
 * two catalogs of equal schemas are {@code equals}.
 *
 * @param database the database the catalog was read from
 * @param schema the schema read
 * @param tables the tables, with their columns, constraints, indexes and triggers
 * @param sequences the sequences, except those of identity columns
 * @param enumTypes the enum types and their labels in order (PostgreSQL)
 * @param views the views and materialized views
 * @param functions the functions and procedures (PostgreSQL), except those of extensions
 */
public record Catalog(DatabaseType database, String schema, List<Table> tables, List<Sequence> sequences,
		List<EnumType> enumTypes, List<View> views, List<Function> functions) {

	public Catalog {
		tables = sorted(tables);
		sequences = sorted(sequences);
		enumTypes = sorted(enumTypes);
		views = sorted(views);
		functions = sorted(functions);
	}

	/**
	 * Reads the connection's current schema, without the state tables of the default
	 * configuration ({@code migrations_applied} and {@code migrations_history}).
	 * @throws DatabaseAccessException when the catalog cannot be read
	 * @throws UnsupportedDatabaseException for a database other than PostgreSQL or H2
	 */
	public static Catalog read(Connection connection) {
		return read(connection, null,
				Set.of(MigrationsConfiguration.DEFAULT_VERSION_TABLE, MigrationsConfiguration.DEFAULT_HISTORY_TABLE));
	}

	/**
	 * Reads the schema of a configuration (its {@code schema}, else the connection's
	 * current schema), without its state tables.
	 * @throws DatabaseAccessException when the catalog cannot be read
	 * @throws UnsupportedDatabaseException for a database other than PostgreSQL or H2
	 */
	public static Catalog read(Connection connection, MigrationsConfiguration configuration) {
		return read(connection, configuration.schema(),
				Set.of(configuration.versionTable(), configuration.historyTable()));
	}

	/**
	 * Reads a schema.
	 * @param connection an open connection, left open
	 * @param schema the schema to read; {@code null} for the connection's current schema
	 * @param excludedTables tables (exact names) left out, with their indexes,
	 * constraints, triggers and owned sequences
	 * @throws DatabaseAccessException when the catalog cannot be read
	 * @throws UnsupportedDatabaseException for a database other than PostgreSQL or H2
	 */
	public static Catalog read(Connection connection, @Nullable String schema, Collection<String> excludedTables) {
		return CatalogReaders.read(connection, schema, Set.copyOf(excludedTables));
	}

	/**
	 * What separates {@code actual} from {@code expected}: objects missing from
	 * {@code actual}, objects only {@code actual} has (left behind), and objects of the
	 * same name whose definitions differ. Ordered by object kind (tables first, then
	 * their parts, then sequences, types, views, functions), then by name. Empty when the
	 * two schemas are equal.
	 */
	public static List<CatalogDifference> differences(Catalog expected, Catalog actual) {
		return CatalogComparison.compare(expected, actual);
	}

	/** The table of that name. */
	public Optional<Table> table(String name) {
		return find(this.tables, name);
	}

	/** The enum type of that name. */
	public Optional<EnumType> enumType(String name) {
		return find(this.enumTypes, name);
	}

	/** The sequence of that name. */
	public Optional<Sequence> sequence(String name) {
		return find(this.sequences, name);
	}

	/** The view of that name. */
	public Optional<View> view(String name) {
		return find(this.views, name);
	}

	private static <T extends Element> Optional<T> find(List<T> elements, String name) {
		return elements.stream().filter((element) -> element.name().equals(name)).findFirst();
	}

	private static <T extends Element> List<T> sorted(List<T> elements) {
		return elements.stream().sorted(Comparator.comparing(Element::name)).toList();
	}

	/** A named object of a catalog. */
	public sealed interface Element
			permits Table, Column, Constraint, Index, Trigger, Sequence, EnumType, View, Function {

		/** Its name, as the catalog spells it (unquoted, case kept). */
		String name();

	}

	/**
	 * A table.
	 *
	 * @param name the table's name
	 * @param columns its columns in the table's order
	 * @param constraints its primary key, unique, foreign key, check and exclusion
	 * constraints, sorted by name
	 * @param indexes its indexes that back no constraint, sorted by name
	 * @param triggers its triggers (not the internal ones of foreign keys), sorted by
	 * name
	 * @param comment its comment
	 */
	public record Table(String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
			List<Trigger> triggers, @Nullable String comment) implements Element {

		public Table {
			columns = List.copyOf(columns);
			constraints = sorted(constraints);
			indexes = sorted(indexes);
			triggers = sorted(triggers);
		}

		/** The column of that name. */
		public Optional<Column> column(String name) {
			return find(this.columns, name);
		}

		/** The constraint of that name. */
		public Optional<Constraint> constraint(String name) {
			return find(this.constraints, name);
		}

		/** The index of that name. */
		public Optional<Index> index(String name) {
			return find(this.indexes, name);
		}

		/** The primary key. */
		public Optional<Constraint> primaryKey() {
			return this.constraints.stream()
				.filter((constraint) -> constraint.kind() == ConstraintKind.PRIMARY_KEY)
				.findFirst();
		}

	}

	/**
	 * A column.
	 *
	 * @param name the column's name
	 * @param type its type as the database writes it ({@code character varying(20)},
	 * {@code numeric(10,2)}, {@code mood})
	 * @param nullable whether it accepts {@code NULL}
	 * @param defaultValue its default expression as the database writes it, {@code null}
	 * when it has none (identity and generated columns have none)
	 * @param identity how it is an identity column, {@code null} when it is not
	 * @param generated the expression of a generated (computed) column, else {@code null}
	 * @param comment its comment
	 */
	public record Column(String name, String type, boolean nullable, @Nullable String defaultValue,
			@Nullable Identity identity, @Nullable String generated, @Nullable String comment) implements Element {

	}

	/** How an identity column generates its values. */
	public enum Identity {

		/** {@code GENERATED ALWAYS AS IDENTITY} */
		ALWAYS,

		/** {@code GENERATED BY DEFAULT AS IDENTITY} */
		BY_DEFAULT

	}

	/**
	 * A table constraint.
	 *
	 * @param name the constraint's name
	 * @param kind what it constrains
	 * @param columns the constrained columns in order (empty for a check constraint)
	 * @param referencedTable the table a foreign key references, else {@code null}
	 * @param referencedColumns the columns a foreign key references, else empty
	 * @param onUpdate a foreign key's {@code ON UPDATE} action ({@code NO ACTION},
	 * {@code CASCADE}, …), else {@code null}
	 * @param onDelete a foreign key's {@code ON DELETE} action, else {@code null}
	 * @param deferrable whether the constraint is deferrable
	 * @param initiallyDeferred whether it is {@code INITIALLY DEFERRED}
	 * @param definition the definition as the database writes it, without the name
	 * ({@code FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE},
	 * {@code CHECK ((priority > 0))}); two constraints with the same definition constrain
	 * the same
	 */
	public record Constraint(String name, ConstraintKind kind, List<String> columns, @Nullable String referencedTable,
			List<String> referencedColumns, @Nullable String onUpdate, @Nullable String onDelete, boolean deferrable,
			boolean initiallyDeferred, String definition) implements Element {

		public Constraint {
			columns = List.copyOf(columns);
			referencedColumns = List.copyOf(referencedColumns);
		}

	}

	/** What a constraint constrains. */
	public enum ConstraintKind {

		PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION

	}

	/**
	 * An index that backs no constraint.
	 *
	 * @param name the index's name
	 * @param unique whether it is unique
	 * @param method its access method ({@code btree}, {@code gin}, {@code hash}, …)
	 * @param keys its key columns or expressions in order, as the database writes them
	 * @param include the columns of an {@code INCLUDE} clause
	 * @param predicate the {@code WHERE} of a partial index, else {@code null}
	 * @param definition the whole {@code CREATE INDEX} statement as the database writes
	 * it (with orderings and operator classes)
	 */
	public record Index(String name, boolean unique, String method, List<String> keys, List<String> include,
			@Nullable String predicate, String definition) implements Element {

		public Index {
			keys = List.copyOf(keys);
			include = List.copyOf(include);
		}

	}

	/**
	 * A trigger on a table.
	 *
	 * @param name the trigger's name
	 * @param definition its {@code CREATE TRIGGER} statement as the database writes it
	 */
	public record Trigger(String name, String definition) implements Element {

	}

	/**
	 * A sequence, without its current value.
	 *
	 * @param name the sequence's name
	 * @param dataType its type ({@code bigint}, …)
	 * @param start its start value
	 * @param increment its increment
	 * @param minValue its minimum
	 * @param maxValue its maximum
	 * @param cache how many values a session preallocates
	 * @param cycle whether it wraps around
	 * @param ownedBy the column owning it ({@code table.column}, a {@code serial}), else
	 * {@code null}
	 */
	public record Sequence(String name, String dataType, long start, long increment, long minValue, long maxValue,
			long cache, boolean cycle, @Nullable String ownedBy) implements Element {

	}

	/**
	 * A PostgreSQL enum type.
	 *
	 * @param name the type's name
	 * @param labels its labels in their sort order
	 */
	public record EnumType(String name, List<String> labels) implements Element {

		public EnumType {
			labels = List.copyOf(labels);
		}

	}

	/**
	 * A view.
	 *
	 * @param name the view's name
	 * @param materialized whether it is a materialized view
	 * @param definition its query as the database writes it
	 * @param comment its comment
	 */
	public record View(String name, boolean materialized, String definition,
			@Nullable String comment) implements Element {

	}

	/**
	 * A function or procedure.
	 *
	 * @param name its name with its argument types, e.g. {@code touch_updated_at()}, so
	 * that overloads are distinct
	 * @param definition its {@code CREATE OR REPLACE FUNCTION} statement as the database
	 * writes it
	 * @param comment its comment
	 */
	public record Function(String name, String definition, @Nullable String comment) implements Element {

	}

}
