package dev.migrations.core.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrations.core.graph.Revisions.applied;
import static dev.migrations.core.graph.Revisions.graph;
import static dev.migrations.core.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The identifier grammar: full ids, prefixes, labels, symbols and relative steps, and
 * what malformed or unknown identifiers say.
 */
class IdentifierGrammarTest {

	private final RevisionGraph graph = graph(rev("001", ""), rev("abcd1111", "001"), rev("abcd2222", "abcd1111"),
			rev("abce3333", "abcd2222", "", "release-2"), rev("abce4444", "abce3333"));

	@Test
	void fullIdsPrefixesAndLabels() {
		assertThat(this.graph.resolve("001", applied())).containsExactly("001");
		assertThat(this.graph.resolve("abcd1", applied())).containsExactly("abcd1111");
		assertThat(this.graph.resolve("abce3", applied())).containsExactly("abce3333");
		assertThat(this.graph.resolve("release-2", applied())).containsExactly("abce3333");
		assertThat(this.graph.resolve("release-2@head", applied())).containsExactly("abce4444");
		assertThat(this.graph.resolve("release-2@base+1", applied())).containsExactly("001");
		assertThat(this.graph.resolve("release-2@-1", applied("001", "abcd1111", "abcd2222", "abce3333")))
			.containsExactly("abcd2222");
	}

	@Test
	void symbolsAndRelativeSteps() {
		assertThat(this.graph.resolve("heads", applied())).containsExactly("abce4444");
		assertThat(this.graph.resolve("head", applied())).containsExactly("abce4444");
		assertThat(this.graph.resolve("base", applied())).isEmpty();
		assertThat(this.graph.resolve("head-2", applied())).containsExactly("abcd2222");
		assertThat(this.graph.resolve("001+2", applied())).containsExactly("abcd2222");
		assertThat(this.graph.resolve("abcd1-1", applied())).containsExactly("001");
		assertThat(this.graph.resolve("001-1", applied())).isEmpty();
		assertThat(this.graph.resolve("+2", applied("001"))).containsExactly("abcd2222");
		assertThat(this.graph.resolve("-2", applied("001", "abcd1111", "abcd2222"))).containsExactly("001");
		assertThat(this.graph.resolve("current", applied("001", "abcd1111"))).containsExactly("abcd1111");
		assertThat(this.graph.resolve("abce4444@head", applied())).containsExactly("abce4444");
	}

	@Test
	void ambiguousPrefixListsTheCandidates() {
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.resolve("abcd", applied()))
			.withMessage("Can't locate revision identified by 'abcd': the prefix matches several revisions"
					+ " (abcd1111, abcd2222); give more characters of the revision id")
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(RevisionNotFoundException.Reason.AMBIGUOUS_PREFIX);
				assertThat(ex.candidates()).containsExactly("abcd1111", "abcd2222");
				assertThat(ex.argument()).isEqualTo("abcd");
			});
	}

	@Test
	void prefixNeedsFourCharacters() {
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.resolve("abc", applied()))
			.withMessage("Can't locate revision identified by 'abc': no revision or branch label is named 'abc'; a"
					+ " partial revision id needs at least 4 characters; run 'migrations history' to list the"
					+ " revisions")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RevisionNotFoundException.Reason.UNKNOWN));
	}

	@Test
	void unknownRevision() {
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.planUpgrade(applied(), "ffff0000"))
			.withMessage("Can't locate revision identified by 'ffff0000': no revision or branch label is named"
					+ " 'ffff0000'; run 'migrations history' to list the revisions");
		assertThatExceptionOfType(RevisionNotFoundException.class)
			.isThrownBy(() -> this.graph.planDowngrade(applied(), "release-2@ffff0000"))
			.withMessage("Can't locate revision identified by 'release-2@ffff0000': no revision or branch label is"
					+ " named 'ffff0000'; run 'migrations history' to list the revisions");
	}

	@Test
	void malformedIdentifiers() {
		for (String malformed : List.of("", "@head", "a@", "a@b@c", "+0", "-0", "+", "+x", "001:abce", "a+b+1",
				"+1234567890")) {
			assertThatExceptionOfType(RevisionNotFoundException.class).as(malformed)
				.isThrownBy(() -> this.graph.resolve(malformed, applied()))
				.withMessage("Can't locate revision identified by '" + malformed + "': not a revision identifier;"
						+ " use head, heads, base, a revision id or a unique prefix of at least 4 characters, a"
						+ " branch label, +N, -N, <rev>+N, <rev>-N, <label>@head, <label>@base, <label>@+N,"
						+ " <label>@-N or <label>@<rev>")
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RevisionNotFoundException.Reason.MALFORMED));
		}
	}

	@Test
	void overshootUpward() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.resolve("abce3333+2", applied()))
			.withMessage("Relative revision abce3333+2 didn't produce 2 migrations: only 1 lie above abce3333; give"
					+ " a smaller number");
	}

	@Test
	void overshootDownward() {
		assertThatExceptionOfType(RelativeRevisionException.class)
			.isThrownBy(() -> this.graph.resolve("abcd1111-3", applied()))
			.withMessage("Relative revision abcd1111-3 didn't produce 3 migrations: only 2 lie below abcd1111; give"
					+ " a smaller number");
	}

}
