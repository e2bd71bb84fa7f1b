package dev.migrations.core.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing that separates an actual catalog from an expected one, found by
 * {@link Catalog#differences(Catalog, Catalog)}: an object missing, an object left behind
 * (only the actual catalog has it), or an object of the same name defined differently.
 * The objects themselves are kept, so that a caller can write the DDL that closes the
 * difference.
 *
 * @param kind missing, left behind, or changed
 * @param objectType what kind of object differs
 * @param table the table a column, constraint, index or trigger belongs to, else
 * {@code null}
 * @param name the object's name
 * @param expected the object in the expected catalog ({@code null} when it is left
 * behind)
 * @param actual the object in the actual catalog ({@code null} when it is missing)
 * @param changes for a changed object, each differing property as
 * {@code property: actual, expected expected-value}
 */
public record CatalogDifference(Kind kind, ObjectType objectType, @Nullable String table, String name,
		Catalog.@Nullable Element expected, Catalog.@Nullable Element actual, List<String> changes) {

	public CatalogDifference {
		changes = List.copyOf(changes);
	}

	/**
	 * The difference in words, e.g. {@code enum type mood left behind},
	 * {@code index ix_tasks_due missing on table tasks},
	 * {@code column tasks.priority changed: type smallint, expected integer}.
	 */
	public String description() {
		String subject = this.objectType.label() + " " + qualifiedName();
		String where = (this.table != null && this.objectType != ObjectType.COLUMN) ? " on table " + this.table : "";
		return switch (this.kind) {
			case MISSING -> subject + " missing" + where;
			case LEFT_BEHIND -> subject + " left behind" + where;
			case CHANGED -> subject + " changed" + where + ": " + String.join("; ", this.changes);
		};
	}

	private String qualifiedName() {
		return (this.objectType == ObjectType.COLUMN && this.table != null) ? this.table + "." + this.name : this.name;
	}

	@Override
	public String toString() {
		return description();
	}

	/** How an object differs. */
	public enum Kind {

		/** The expected catalog has it, the actual one does not. */
		MISSING,

		/** Only the actual catalog has it. */
		LEFT_BEHIND,

		/** Both have an object of that name, defined differently. */
		CHANGED

	}

	/** The kinds of objects a catalog holds. */
	public enum ObjectType {

		TABLE("table"), COLUMN("column"), CONSTRAINT("constraint"), INDEX("index"), TRIGGER("trigger"),
		SEQUENCE("sequence"), ENUM_TYPE("enum type"), VIEW("view"), FUNCTION("function");

		private final String label;

		ObjectType(String label) {
			this.label = label;
		}

		/** The object type in words, e.g. {@code enum type}. */
		public String label() {
			return this.label;
		}

	}

}
