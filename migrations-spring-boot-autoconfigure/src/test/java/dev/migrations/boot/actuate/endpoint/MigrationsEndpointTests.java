package dev.migrations.boot.actuate.endpoint;

import dev.migrations.boot.ReportedState;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint.MigratorDescriptor;
import dev.migrations.boot.actuate.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationsEndpoint} on contexts with a parent, on in-memory H2 databases.
 */
class MigrationsEndpointTests {

	@Test
	void describesTheMigratorsOfTheContextAndItsParents() {
		try (AnnotationConfigApplicationContext parent = context("parent", null, "classpath:revisions/todo");
				AnnotationConfigApplicationContext child = context("child", parent, "classpath:revisions/heads")) {
			parent.getBean(Migrator.class).upgrade("heads");
			MigrationsDescriptor descriptor = new MigrationsEndpoint(child).migrations();
			assertThat(descriptor.getContexts()).containsOnlyKeys("child", "parent");
			assertThat(descriptor.getContexts().get("child").getParentId()).isEqualTo("parent");
			assertThat(descriptor.getContexts().get("parent").getParentId()).isNull();
			MigratorDescriptor inParent = descriptor.getContexts().get("parent").getMigrators().get("parentMigrator");
			assertThat(inParent.getState()).isEqualTo(ReportedState.UP_TO_DATE);
			assertThat(inParent.getHistory()).hasSize(2);
			MigratorDescriptor inChild = descriptor.getContexts().get("child").getMigrators().get("childMigrator");
			assertThat(inChild.getState()).isEqualTo(ReportedState.PENDING);
			assertThat(inChild.getHeads()).containsExactly("002", "003");
			assertThat(inChild.getRevisions()).filteredOn(RevisionDescriptor::isBranchPoint)
				.extracting(RevisionDescriptor::getId)
				.containsExactly("001");
			assertThat(inChild.getRevisions()).filteredOn((revision) -> revision.getId().equals("002"))
				.singleElement()
				.satisfies((revision) -> assertThat(revision.getBranchLabels()).containsExactly("left"));
		}
	}

	@Test
	void findsOneRevisionInTheContextThenInItsParents() {
		try (AnnotationConfigApplicationContext parent = context("parent_selector", null, "classpath:revisions/todo");
				AnnotationConfigApplicationContext child = context("child_selector", parent,
						"classpath:revisions/todo-001-only")) {
			parent.getBean(Migrator.class).upgrade("heads");
			MigrationsEndpoint endpoint = new MigrationsEndpoint(child);
			assertThat(endpoint.revision("001").getState()).isEqualTo("PENDING");
			RevisionDescriptor fromParent = endpoint.revision("002");
			assertThat(fromParent.getState()).isEqualTo("APPLIED");
			assertThat(fromParent.getScript()).isEqualTo("classpath:revisions/todo/002_tasks.sql");
			assertThat(endpoint.revision("nope")).isNull();
		}
	}

	private static AnnotationConfigApplicationContext context(String name, AnnotationConfigApplicationContext parent,
			String location) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:endpoint_" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.setId(name.replace("_selector", ""));
		context.setParent(parent);
		context.registerBean(name.replace("_selector", "") + "Migrator", Migrator.class, () -> Migrator
			.create(MigrationsConfiguration.builder().dataSource(dataSource).locations(location).build()));
		context.refresh();
		return context;
	}

}
