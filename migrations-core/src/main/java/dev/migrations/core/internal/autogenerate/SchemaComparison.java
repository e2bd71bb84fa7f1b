package dev.migrations.core.internal.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.DatabaseType;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.catalog.CatalogDifference;
import dev.migrations.core.internal.autogenerate.ChangePlanner.Change;
import dev.migrations.core.internal.autogenerate.Schema.Column;
import dev.migrations.core.internal.autogenerate.Schema.Constraint;
import dev.migrations.core.internal.autogenerate.Schema.ConstraintKind;
import dev.migrations.core.internal.autogenerate.Schema.EnumType;
import dev.migrations.core.internal.autogenerate.Schema.Index;
import dev.migrations.core.internal.autogenerate.Schema.Sequence;
import dev.migrations.core.internal.autogenerate.Schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * Reads scratch databases with the catalog reader and compares them under the diff
 * policies of {@link TargetSchema}.
 */
final class SchemaComparison {

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"([^\"]|\"\")+\"");

	private final @Nullable String schema;

	private final Set<String> excludedTables;

	private final boolean dropUnmappedTables;

	SchemaComparison(@Nullable String schema, Set<String> excludedTables, boolean dropUnmappedTables) {
		this.schema = schema;
		this.excludedTables = Set.copyOf(excludedTables);
		this.dropUnmappedTables = dropUnmappedTables;
	}

	/** The catalog of a database. */
	Catalog catalog(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return Catalog.read(connection, this.schema, this.excludedTables);
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("Could not read the catalog of a scratch database", ex);
		}
	}

	/**
	 * The changes that bring the revisions' schema {@code heads} to the {@code model}.
	 */
	SchemaChanges compare(Catalog heads, Catalog model) {
		Schema before = schema(heads);
		TargetSchema target = TargetSchema.of(before, schema(model), this.dropUnmappedTables);
		boolean upperCase = heads.database() == DatabaseType.H2;
		List<Change> upgrade = ChangePlanner.plan(before, target.schema(), upperCase);
		List<Change> downgrade = ChangePlanner.plan(target.schema(), before, upperCase);
		return new SchemaChanges(upgrade, downgrade, target.kept(), target.unmappedTables());
	}

	/** The differences of two catalogs that must be equal, or {@code null}. */
	static @Nullable String difference(Catalog expected, Catalog actual) {
		List<CatalogDifference> differences = Catalog.differences(expected, actual);
		if (differences.isEmpty()) {
			return null;
		}
		return String.join("; ", differences.stream().map(CatalogDifference::description).toList());
	}

	/** The catalog as autogenerate compares it. */
	static Schema schema(Catalog catalog) {
		List<Table> tables = new ArrayList<>();
		for (Catalog.Table table : catalog.tables()) {
			List<Column> columns = table.columns()
				.stream()
				.filter((column) -> column.generated() == null)
				.map((column) -> new Column(column.name(), column.type(), column.nullable(), column.defaultValue(),
						identity(column.identity()), column.comment()))
				.toList();
			List<Constraint> constraints = table.constraints()
				.stream()
				.filter((constraint) -> constraint.kind() != Catalog.ConstraintKind.EXCLUSION)
				.map((constraint) -> new Constraint(constraint.name(), kind(constraint.kind()), constraint.definition(),
						constraint.columns(), constraint.referencedTable(), constraint.deferrable()))
				.toList();
			List<Index> indexes = table.indexes().stream().map(SchemaComparison::index).toList();
			tables.add(Table.of(table.name(), columns, constraints, indexes, table.comment()));
		}
		List<Sequence> sequences = catalog.sequences()
			.stream()
			.filter((sequence) -> sequence.ownedBy() == null)
			.map((sequence) -> new Sequence(sequence.name(), sequence.dataType(), sequence.start(),
					sequence.increment(), sequence.minValue(), sequence.maxValue(), sequence.cache(), sequence.cycle()))
			.toList();
		List<EnumType> enums = catalog.enumTypes()
			.stream()
			.map((type) -> new EnumType(type.name(), type.labels()))
			.toList();
		return Schema.of(tables, sequences, enums);
	}

	private static Index index(Catalog.Index index) {
		boolean simple = index.method().equals("btree") && index.predicate() == null && index.include().isEmpty()
				&& index.keys().stream().allMatch((key) -> PLAIN_KEY.matcher(key).matches());
		StringBuilder definition = new StringBuilder();
		if (!index.method().equals("btree")) {
			definition.append("USING ").append(index.method()).append(' ');
		}
		definition.append('(').append(String.join(", ", index.keys())).append(')');
		if (!index.include().isEmpty()) {
			definition.append(" INCLUDE (").append(String.join(", ", index.include())).append(')');
		}
		if (index.predicate() != null) {
			definition.append(" WHERE ").append(index.predicate());
		}
		List<String> columns = simple ? index.keys().stream().map(SchemaComparison::unquote).toList() : List.of();
		return new Index(index.name(), definition.toString(), index.unique(), columns, simple);
	}

	private static String unquote(String key) {
		return key.startsWith("\"") ? key.substring(1, key.length() - 1).replace("\"\"", "\"") : key;
	}

	private static @Nullable String identity(Catalog.@Nullable Identity identity) {
		if (identity == null) {
			return null;
		}
		return (identity == Catalog.Identity.ALWAYS) ? "ALWAYS" : "BY DEFAULT";
	}

	private static ConstraintKind kind(Catalog.ConstraintKind kind) {
		return switch (kind) {
			case PRIMARY_KEY -> ConstraintKind.PRIMARY_KEY;
			case UNIQUE -> ConstraintKind.UNIQUE;
			case FOREIGN_KEY -> ConstraintKind.FOREIGN_KEY;
			case CHECK, EXCLUSION -> ConstraintKind.CHECK;
		};
	}

}
