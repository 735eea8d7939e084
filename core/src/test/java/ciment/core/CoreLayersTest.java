package ciment.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.model.fixture.ModelCallingAService;
import ciment.core.service.Actions;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Core by layer, each depending only on those below it: the entry points ({@code ciment.core}: Ciment,
 * PeopleSearch) on the commands, the commands (verbs declared with the use case they call) on the services, the
 * services on the ports, and all of them on the replies and the model. docs/architecture.md draws the same.
 */
class CoreLayersTest {

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry").definedBy("ciment.core")
            .layer("Command").definedBy("ciment.core.command..")
            .layer("Service").definedBy("ciment.core.service..")
            .layer("Port").definedBy("ciment.core.port..")
            .layer("Reply").definedBy("ciment.core.reply..")
            .layer("Model").definedBy("ciment.core.model..")
            .layer("Support").definedBy("ciment.core.config..", "ciment.core.cost..", "ciment.core.privacy..",
                    "ciment.core.json..", "ciment.core.i18n..")
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Command").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Command", "Entry")
            .whereLayer("Port").mayOnlyBeAccessedByLayers("Service", "Command", "Entry")
            .whereLayer("Reply").mayOnlyBeAccessedByLayers("Service", "Command", "Entry");

    static final ArchRule NO_CYCLES = slices().matching("ciment.core.(**)").should().beFreeOfCycles();

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ciment.core");

    @Test
    void core_isLayered_eachLayerOnTheOnesBelow() {
        LAYERS.check(core);
    }

    @Test
    void core_packages_haveNoCycle() {
        NO_CYCLES.check(core);
    }

    @Test
    void layers_refuseAModelValueCallingAService() {
        JavaClasses bad = new ClassFileImporter().importClasses(ModelCallingAService.class, Actions.class);
        assertThrows(AssertionError.class, () -> LAYERS.check(bad));
    }
}
