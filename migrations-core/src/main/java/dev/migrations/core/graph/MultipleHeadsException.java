package dev.migrations.core.graph;

import java.util.List;

/**
 * An identifier that asks for one head ({@code head}, {@code <label>@head}) where several
 * exist.
 */
public class MultipleHeadsException extends RevisionGraphException {

	private final String argument;

	private final List<String> heads;

	public MultipleHeadsException(String argument, List<String> heads) {
		super("Multiple head revisions are present for given argument '" + argument
				+ "'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head,"
				+ " or 'heads' for all heads");
		this.argument = argument;
		this.heads = List.copyOf(heads);
	}

	/** The identifier as given. */
	public String argument() {
		return this.argument;
	}

	/** The heads it matched, in load order. */
	public List<String> heads() {
		return this.heads;
	}

}
