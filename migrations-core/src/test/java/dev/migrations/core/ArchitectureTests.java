package dev.migrations.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line between the public API of migrations-core (the packages
 * {@code dev.migrations.core} and {@code dev.migrations.core.graph}) and its internals
 * ({@code dev.migrations.core.internal..}): the API exposes no internal type, the graph
 * stays a pure model, and the internal packages form no cycle.
 */
class ArchitectureTests {

	private static final String INTERNAL = "dev.migrations.core.internal..";

	private static final Set<String> API_PACKAGES = Set.of("dev.migrations.core", "dev.migrations.core.graph",
			"dev.migrations.core.catalog");

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrations.core");

	@Test
	void internalPackagesFormNoCycle() {
		slices().matching("dev.migrations.core.internal.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void theGraphIsAPureModel() {
		noClasses().that()
			.resideInAPackage("dev.migrations.core.graph")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(INTERNAL, "java.sql..", "javax.sql..", "java.nio.file..", "java.io..")
			.check(CORE);
	}

	@Test
	void noPublicMemberOfTheApiTakesOrReturnsAnInternalType() {
		List<String> leaks = new ArrayList<>();
		for (JavaClass type : CORE) {
			if (!API_PACKAGES.contains(type.getPackageName()) || !isVisible(type)) {
				continue;
			}
			type.getRawSuperclass()
				.filter(ArchitectureTests::isInternal)
				.ifPresent((superclass) -> leaks.add(type.getName() + " extends " + superclass.getName()));
			type.getRawInterfaces()
				.stream()
				.filter(ArchitectureTests::isInternal)
				.forEach((each) -> leaks.add(type.getName() + " implements " + each.getName()));
			for (JavaCodeUnit member : type.getCodeUnits()) {
				if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
					continue;
				}
				List<JavaType> types = new ArrayList<>(member.getParameterTypes());
				types.add(member.getReturnType());
				types.stream()
					.flatMap((each) -> each.getAllInvolvedRawTypes().stream())
					.filter(ArchitectureTests::isInternal)
					.forEach((each) -> leaks.add(member.getFullName() + " uses " + each.getName()));
			}
			for (JavaField field : type.getFields()) {
				if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
					field.getType()
						.getAllInvolvedRawTypes()
						.stream()
						.filter(ArchitectureTests::isInternal)
						.forEach((each) -> leaks.add(field.getFullName() + " is a " + each.getName()));
				}
			}
		}
		assertThat(leaks).as("public members of the API that expose internal types").isEmpty();
	}

	@Test
	void theApiHasAtMostSixtyThreePublicTypesEachListedInTheApiReference() throws IOException {
		List<String> api = CORE.stream()
			.filter((type) -> API_PACKAGES.contains(type.getPackageName()))
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass())
			.map(JavaClass::getSimpleName)
			.sorted()
			.toList();
		// 60 with the catalog; Fleet (its results nested in it) and Autogenerate (its
		// result nested in it)
		assertThat(api).hasSizeLessThanOrEqualTo(63);
		String page = Files.readString(Path.of("../docs/api.md"));
		String reference = page.substring(page.indexOf("## Every public type"), page.indexOf("## Internals"));
		List<String> listed = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE)
			.matcher(reference)
			.results()
			.map((match) -> match.group(1))
			.sorted()
			.toList();
		assertThat(listed).as("the types listed in docs/api.md").containsExactlyElementsOf(api);
	}

	private static boolean isVisible(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC)
				&& (type.isTopLevelClass() || type.getEnclosingClass().map(ArchitectureTests::isVisible).orElse(false));
	}

	private static boolean isInternal(JavaClass type) {
		return type.getPackageName().startsWith("dev.migrations.core.internal");
	}

}
