package dev.migrations.core.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.catalog.Catalog.Column;
import dev.migrations.core.catalog.Catalog.Constraint;
import dev.migrations.core.catalog.Catalog.Element;
import dev.migrations.core.catalog.Catalog.EnumType;
import dev.migrations.core.catalog.Catalog.Function;
import dev.migrations.core.catalog.Catalog.Index;
import dev.migrations.core.catalog.Catalog.Sequence;
import dev.migrations.core.catalog.Catalog.Table;
import dev.migrations.core.catalog.Catalog.Trigger;
import dev.migrations.core.catalog.Catalog.View;
import dev.migrations.core.catalog.CatalogDifference;
import dev.migrations.core.catalog.CatalogDifference.Kind;
import dev.migrations.core.catalog.CatalogDifference.ObjectType;

/**
 * Compares two catalogs object by object, matching objects by name: tables and their
 * columns, constraints, indexes and triggers, then sequences, enum types, views and
 * functions.
 */
public final class CatalogComparison {

	private final List<CatalogDifference> differences = new ArrayList<>();

	private CatalogComparison() {
	}

	public static List<CatalogDifference> compare(Catalog expected, Catalog actual) {
		CatalogComparison comparison = new CatalogComparison();
		comparison.tables(expected.tables(), actual.tables());
		comparison.elements(ObjectType.SEQUENCE, null, expected.sequences(), actual.sequences(),
				CatalogComparison::sequenceChanges);
		comparison.elements(ObjectType.ENUM_TYPE, null, expected.enumTypes(), actual.enumTypes(),
				CatalogComparison::enumChanges);
		comparison.elements(ObjectType.VIEW, null, expected.views(), actual.views(), CatalogComparison::viewChanges);
		comparison.elements(ObjectType.FUNCTION, null, expected.functions(), actual.functions(),
				CatalogComparison::functionChanges);
		return List.copyOf(comparison.differences);
	}

	private void tables(List<Table> expected, List<Table> actual) {
		elements(ObjectType.TABLE, null, expected, actual, (before, after) -> {
			List<String> changes = new ArrayList<>();
			change(changes, "comment", before.comment(), after.comment());
			return changes;
		});
		Map<String, Table> actualByName = byName(actual);
		for (Table table : expected) {
			Table other = actualByName.get(table.name());
			if (other == null) {
				continue;
			}
			elements(ObjectType.COLUMN, table.name(), table.columns(), other.columns(),
					CatalogComparison::columnChanges);
			elements(ObjectType.CONSTRAINT, table.name(), table.constraints(), other.constraints(),
					CatalogComparison::constraintChanges);
			elements(ObjectType.INDEX, table.name(), table.indexes(), other.indexes(), CatalogComparison::indexChanges);
			elements(ObjectType.TRIGGER, table.name(), table.triggers(), other.triggers(),
					(Trigger before, Trigger after) -> definitionChange(before.definition(), after.definition()));
		}
	}

	private <T extends Element> void elements(ObjectType type, @Nullable String table, List<T> expected, List<T> actual,
			Changes<T> changes) {
		Map<String, T> expectedByName = byName(expected);
		Map<String, T> actualByName = byName(actual);
		TreeSet<String> names = new TreeSet<>(expectedByName.keySet());
		names.addAll(actualByName.keySet());
		for (String name : names) {
			T before = expectedByName.get(name);
			T after = actualByName.get(name);
			if (after == null) {
				this.differences.add(new CatalogDifference(Kind.MISSING, type, table, name, before, null, List.of()));
			}
			else if (before == null) {
				this.differences
					.add(new CatalogDifference(Kind.LEFT_BEHIND, type, table, name, null, after, List.of()));
			}
			else if (!before.equals(after)) {
				List<String> changed = changes.between(before, after);
				if (changed.isEmpty() && type == ObjectType.TABLE) {
					continue; // only its parts differ: they are compared one by one
				}
				this.differences.add(new CatalogDifference(Kind.CHANGED, type, table, name, before, after,
						changed.isEmpty() ? List.of("definition") : changed));
			}
		}
	}

	private static <T extends Element> Map<String, T> byName(List<T> elements) {
		Map<String, T> map = new LinkedHashMap<>();
		elements.forEach((element) -> map.put(element.name(), element));
		return map;
	}

	private static List<String> columnChanges(Column before, Column after) {
		List<String> changes = new ArrayList<>();
		change(changes, "type", before.type(), after.type());
		change(changes, "nullable", before.nullable(), after.nullable());
		change(changes, "default", before.defaultValue(), after.defaultValue());
		change(changes, "identity", before.identity(), after.identity());
		change(changes, "generated", before.generated(), after.generated());
		change(changes, "comment", before.comment(), after.comment());
		return changes;
	}

	private static List<String> constraintChanges(Constraint before, Constraint after) {
		List<String> changes = new ArrayList<>();
		change(changes, "definition", before.definition(), after.definition());
		change(changes, "deferrable", before.deferrable(), after.deferrable());
		change(changes, "initially deferred", before.initiallyDeferred(), after.initiallyDeferred());
		return changes;
	}

	private static List<String> indexChanges(Index before, Index after) {
		return definitionChange(before.definition(), after.definition());
	}

	private static List<String> sequenceChanges(Sequence before, Sequence after) {
		List<String> changes = new ArrayList<>();
		change(changes, "type", before.dataType(), after.dataType());
		change(changes, "start", before.start(), after.start());
		change(changes, "increment", before.increment(), after.increment());
		change(changes, "minimum", before.minValue(), after.minValue());
		change(changes, "maximum", before.maxValue(), after.maxValue());
		change(changes, "cache", before.cache(), after.cache());
		change(changes, "cycle", before.cycle(), after.cycle());
		change(changes, "owned by", before.ownedBy(), after.ownedBy());
		return changes;
	}

	private static List<String> enumChanges(EnumType before, EnumType after) {
		List<String> changes = new ArrayList<>();
		change(changes, "labels", before.labels(), after.labels());
		return changes;
	}

	private static List<String> viewChanges(View before, View after) {
		List<String> changes = new ArrayList<>();
		change(changes, "materialized", before.materialized(), after.materialized());
		change(changes, "definition", before.definition(), after.definition());
		change(changes, "comment", before.comment(), after.comment());
		return changes;
	}

	private static List<String> functionChanges(Function before, Function after) {
		List<String> changes = new ArrayList<>();
		change(changes, "definition", before.definition(), after.definition());
		change(changes, "comment", before.comment(), after.comment());
		return changes;
	}

	private static List<String> definitionChange(String before, String after) {
		List<String> changes = new ArrayList<>();
		change(changes, "definition", before, after);
		return changes;
	}

	private static void change(List<String> changes, String property, @Nullable Object expected,
			@Nullable Object actual) {
		if (!Objects.equals(expected, actual)) {
			changes.add(property + " " + text(actual) + ", expected " + text(expected));
		}
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "none";
		}
		String text = value.toString().strip();
		return text.contains("\n") ? "'" + text.replaceAll("\\s+", " ") + "'" : text;
	}

	/** The properties that differ between two objects of the same name. */
	@FunctionalInterface
	private interface Changes<T> {

		List<String> between(T expected, T actual);

	}

}
