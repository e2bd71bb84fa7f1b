package dev.migrations.core.internal.source;

import java.util.List;

import dev.migrations.core.JavaRevisionException;
import dev.migrations.core.internal.source.fixtures.beans.ProxiedRevision;
import dev.migrations.core.internal.source.fixtures.beans.ServiceRevision;
import dev.migrations.core.internal.source.fixtures.beans.Unannotated;
import dev.migrations.core.internal.source.fixtures.mixed.M001CreateUsers;
import dev.migrations.core.internal.source.fixtures.mixed.M002Backfill;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Java revisions found in the packages of {@code classpath:} locations, and registered
 * instances.
 */
class JavaRevisionLoadingTests {

	private static final String FIXTURES = "classpath:dev/migrations/core/internal/source/fixtures/";

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void findsJavaAndSqlRevisionsOfALocationInPathOrder() {
		List<RevisionScript> scripts = new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "mixed"));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("m000", "m001", "m002", "m003");
		assertThat(scripts).extracting((script) -> script.node().source())
			.containsExactly(FIXTURES + "mixed/M000_base.sql", M001CreateUsers.class.getName(),
					M002Backfill.class.getName(), FIXTURES + "mixed/sub/m003_index.sql");
		JavaRevisionScript users = (JavaRevisionScript) scripts.get(1);
		assertThat(users.revision()).isInstanceOf(M001CreateUsers.class);
		assertThat(users.node().downRevisions()).containsExactly("m000");
		assertThat(users.node().message()).isEqualTo("create users");
		assertThat(users.checksum()).isEqualTo("v1");
		assertThat(users.createDate()).isEqualTo("2025-01-02 10:00:00");
		assertThat(users.transactional()).isTrue();
		JavaRevisionScript backfill = (JavaRevisionScript) scripts.get(2);
		assertThat(backfill.checksum()).isNull();
		assertThat(backfill.createDate()).isNull();
		assertThat(backfill.transactional()).isFalse();
	}

	@Test
	void javaRevisionIsIrreversibleWhenItDoesNotOverrideDowngrade() {
		List<RevisionScript> scripts = new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "mixed"));
		assertThat(scripts).extracting((script) -> script.node().reversible())
			.containsExactly(true, true, false, false);
	}

	@Test
	void classWithoutNoArgumentConstructorIsAnError() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(() -> new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "noconstructor")))
			.withMessage(
					"dev.migrations.core.internal.source.fixtures.noconstructor.NeedsArgument: cannot be instantiated: "
							+ "it has no no-argument constructor; add one, or register an instance (e.g. a Spring bean) instead")
			.satisfies((ex) -> assertThat(ex.className())
				.isEqualTo("dev.migrations.core.internal.source.fixtures.noconstructor.NeedsArgument"));
	}

	@Test
	void constructorFailureIsAnErrorWithItsCause() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(() -> new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "throwing")))
			.withMessage("dev.migrations.core.internal.source.fixtures.throwing.Throwing: cannot be instantiated: its "
					+ "constructor threw java.lang.IllegalStateException: no database configured; fix the constructor")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void annotatedClassNotImplementingJavaRevisionIsAnError() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(() -> new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "notarevision")))
			.withMessage(
					"dev.migrations.core.internal.source.fixtures.notarevision.AnnotatedOnly: is annotated with @Revision "
							+ "but does not implement dev.migrations.core.JavaRevision; implement it or remove the annotation");
	}

	@Test
	void invalidAnnotationValueIsAnError() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(() -> new RevisionLoader(this.classLoader).load(List.of(FIXTURES + "badid")))
			.withMessage(
					"dev.migrations.core.internal.source.fixtures.badid.BadId: @Revision: invalid revision id 'not valid' "
							+ "in 'downRevision': use 1-64 letters, digits, '_' or '.'");
	}

	@Test
	void registeredInstancesFollowTheLocationsAndReplaceFoundClasses() {
		ServiceRevision service = new ServiceRevision("billing");
		M002Backfill backfill = new M002Backfill();
		List<RevisionScript> scripts = new RevisionLoader(this.classLoader, List.of(service, backfill))
			.load(List.of(FIXTURES + "mixed"));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("m000", "m001", "m002", "m003", "s001");
		assertThat(((JavaRevisionScript) scripts.get(2)).revision()).isSameAs(backfill);
		assertThat(((JavaRevisionScript) scripts.get(4)).revision()).isSameAs(service);
		assertThat(scripts.get(4).node().branchLabels()).containsExactly("service");
		assertThat(scripts.get(4).node().reversible()).isFalse();
	}

	@Test
	void registeredInstancesAloneAreOrderedByClassName() {
		List<RevisionScript> scripts = new RevisionLoader(this.classLoader,
				List.of(new ServiceRevision("x"), new ProxiedRevision()))
			.load(List.of());
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("p001", "s001");
	}

	@Test
	void proxySubclassIsDescribedByItsAnnotatedSuperclass() {
		JavaRevisionScript script = JavaRevisionScript.of(new ProxiedRevision.Proxy());
		assertThat(script.id()).isEqualTo("p001");
		assertThat(script.node().source()).isEqualTo(ProxiedRevision.class.getName());
		assertThat(script.node().reversible()).isFalse();
	}

	@Test
	void registeredInstanceWithoutRevisionAnnotationIsAnError() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(() -> new RevisionLoader(this.classLoader, List.of(new Unannotated())).load(List.of()))
			.withMessage(
					"dev.migrations.core.internal.source.fixtures.beans.Unannotated: is a JavaRevision without @Revision; "
							+ "annotate it with @Revision(id = \"...\", downRevision = ...)");
	}

	@Test
	void sameClassRegisteredTwiceIsAnError() {
		assertThatExceptionOfType(JavaRevisionException.class)
			.isThrownBy(
					() -> new RevisionLoader(this.classLoader, List.of(new ProxiedRevision(), new ProxiedRevision()))
						.load(List.of()))
			.withMessage(
					"dev.migrations.core.internal.source.fixtures.beans.ProxiedRevision: is registered twice; register one "
							+ "instance per Java revision class");
	}

}
