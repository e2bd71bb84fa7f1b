package dev.migrations.core.source;

import java.sql.SQLException;

import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A revision defined by a SQL file. Statements are streamed from the file each time they
 * are asked for, so a large script is never held in memory whole.
 */
public final class SqlRevisionScript implements RevisionScript {

	private final RevisionNode node;

	private final String checksum;

	private final boolean transactional;

	private SqlRevisionScript(RevisionNode node, String checksum, boolean transactional) {
		this.node = node;
		this.checksum = checksum;
		this.transactional = transactional;
	}

	@Override
	public RevisionNode node() {
		return this.node;
	}

	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	/** Where the file was found, e.g. {@code classpath:db/revisions/001_init.sql}. */
	public String location() {
		return this.node.source();
	}

	/** Streams the statements of the {@code -- +upgrade} section to {@code handler}. */
	public void forEachUpgradeStatement(StatementHandler handler) throws SQLException {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * Streams the statements of the {@code -- +downgrade} section to {@code handler}; an
	 * irreversible revision (no such section) has none.
	 */
	public void forEachDowngradeStatement(StatementHandler handler) throws SQLException {
		throw new UnsupportedOperationException("not implemented yet");
	}

}
