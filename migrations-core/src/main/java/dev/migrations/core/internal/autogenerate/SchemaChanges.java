package dev.migrations.core.internal.autogenerate;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.internal.autogenerate.ChangePlanner.Change;

/**
 * What autogenerate found: the upgrade, its inverse, and what it kept.
 *
 * @param upgradeChanges the statements from the revisions' schema to the model's
 * @param downgradeChanges the statements back, built from the revisions' definitions
 * @param kept objects the model cannot express, kept
 * @param unmappedTables tables the model does not map
 */
record SchemaChanges(List<Change> upgradeChanges, List<Change> downgradeChanges, List<String> kept,
		List<String> unmappedTables) {

	SchemaChanges {
		upgradeChanges = List.copyOf(upgradeChanges);
		downgradeChanges = List.copyOf(downgradeChanges);
		kept = List.copyOf(kept);
		unmappedTables = List.copyOf(unmappedTables);
	}

	boolean isEmpty() {
		return this.upgradeChanges.isEmpty();
	}

	/** The upgrade section: what was kept, then the statements. */
	String upgrade() {
		StringBuilder text = new StringBuilder();
		if (!this.kept.isEmpty()) {
			text.append("-- not in the model (kept): ").append(String.join(", ", this.kept)).append('\n');
		}
		if (!this.unmappedTables.isEmpty()) {
			text.append("-- tables the model does not map: ").append(String.join(", ", this.unmappedTables));
			text.append(this.upgradeChanges.stream().anyMatch((change) -> change.sql().startsWith("DROP TABLE"))
					? " (dropped)\n" : " (kept)\n");
		}
		return text.append(ChangePlanner.text(this.upgradeChanges)).toString();
	}

	/** The downgrade section: a note on lost data, then the statements. */
	String downgrade() {
		StringBuilder text = new StringBuilder();
		if (this.upgradeChanges.stream().anyMatch(Change::dropsData)) {
			text.append("-- restores the dropped tables and columns, not their data\n");
		}
		return text.append(ChangePlanner.text(this.downgradeChanges)).toString();
	}

	/** The statements of the upgrade, one a line, for a message. */
	String summary() {
		List<String> statements = new ArrayList<>();
		this.upgradeChanges.forEach((change) -> statements.add(change.describe()));
		return String.join("; ", statements);
	}

}
