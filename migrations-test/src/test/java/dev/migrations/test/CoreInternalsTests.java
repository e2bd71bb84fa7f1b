package dev.migrations.test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The test kit uses only the public API of migrations-core, never its internals, so that
 * the core can change them freely.
 */
class CoreInternalsTests {

	@Test
	void noClassUsesTheInternalsOfMigrationsCore() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrations.core.internal..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.migrations.test"));
	}

}
