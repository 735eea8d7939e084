package ciment.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreDependsOnJavaOnlyTest {

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
        noClasses().that().resideInAPackage("ciment.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "ciment.core..")
                .check(core);
    }

    @Test
    void core_isImported_soTheRulesAboveCheckSomething() {
        org.junit.jupiter.api.Assertions.assertTrue(core.size() > 10, "core classes were not found on the classpath");
    }
}
