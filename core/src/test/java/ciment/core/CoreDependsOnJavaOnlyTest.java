package ciment.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.model.fixture.ModelUsingALibrary;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class CoreDependsOnJavaOnlyTest {

    static final ArchRule JAVA_ONLY = noClasses().that().resideInAPackage("ciment.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "ciment.core..");

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ciment.core");

    @Test
    void core_importsNoAwsSlackOrBotFrameworkType() {
        noClasses().that().resideInAPackage("ciment.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.slack..", "com.microsoft..", "okhttp3..",
                        "com.fasterxml..", "com.google..")
                .check(core);
    }

    @Test
    void core_dependsOnJavaAndItselfOnly() {
        JAVA_ONLY.check(core);
    }

    @Test
    void javaOnly_refusesACoreClassImportingALibrary() {
        JavaClasses bad = new ClassFileImporter().importClasses(ModelUsingALibrary.class);
        assertThrows(AssertionError.class, () -> JAVA_ONLY.check(bad));
    }

    @Test
    void core_isImported_soTheRulesAboveCheckSomething() {
        org.junit.jupiter.api.Assertions.assertTrue(core.size() > 10, "core classes were not found on the classpath");
    }
}
