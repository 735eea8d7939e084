package ciment.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.archfixture.cycle.a.Ping;
import ciment.local.archfixture.cycle.b.Pong;
import ciment.local.archfixture.delivery.DeliveryOnDynamo;
import ciment.local.archfixture.inbound.InboundCallingAService;
import ciment.local.archfixture.render.RendererReadingPeople;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules between packages of every module (this module sees them all): docs/architecture.md's drawing, held
 * against the code. Core's own rules (java.* only, its layers) are core's tests. Each rule is also checked against
 * a fixture that breaks it (ciment.local.archfixture), so that a rule that no longer matches anything fails here.
 */
class ArchitectureTest {

    /** Packages import each other one way only, across modules and within them. */
    static final ArchRule NO_CYCLES = slices().matching("ciment.(**)").should().beFreeOfCycles();

    /** Renderers draw replies: they read no repository, call no use case and know no table. */
    static final ArchRule RENDERERS_DRAW_ONLY = noClasses().that().resideInAPackage("..render..")
            .should().dependOnClassesThat().resideInAnyPackage("ciment.core.port..", "ciment.core.service..",
                    "ciment.infra..", "..inbound..", "..outbound..");

    /** Inbound adapters reach core through its entry points (ciment.core: Ciment, PeopleSearch) and typed commands. */
    static final ArchRule INBOUND_THROUGH_THE_ENTRY_POINT = noClasses().that().resideInAPackage("..inbound..")
            .should().dependOnClassesThat().resideInAnyPackage("ciment.core.port..", "ciment.core.service..",
                    "ciment.infra..");

    /** Delivery runs core's Delivery over ports; infra's table is wired by the delivery functions. */
    static final ArchRule DELIVERY_ON_PORTS = noClasses().that().resideInAPackage("..delivery..")
            .should().dependOnClassesThat().resideInAPackage("ciment.infra..");

    /** Production classes only: no test classes, nor core's test jar (its in-memory repositories). */
    private static final ImportOption PRODUCTION = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS
            .includes(location) && !location.contains("-tests.jar");

    private static final JavaClasses CIMENT = new ClassFileImporter().withImportOption(PRODUCTION)
            .importPackages("ciment");

    @Test
    void everyModule_isImported_soTheRulesCheckSomething() {
        for (String module : new String[] {"ciment.core.", "ciment.infra.", "ciment.slack.", "ciment.teams.",
                "ciment.delivery.", "ciment.functions."}) {
            assertTrue(CIMENT.stream().anyMatch(c -> c.getName().startsWith(module)), module + " was not imported");
        }
    }

    @Test
    void packages_haveNoCycle() {
        NO_CYCLES.check(CIMENT);
    }

    @Test
    void renderers_drawOnly() {
        RENDERERS_DRAW_ONLY.check(CIMENT);
    }

    @Test
    void inboundAdapters_reachCoreThroughTheEntryPoint() {
        INBOUND_THROUGH_THE_ENTRY_POINT.check(CIMENT);
    }

    @Test
    void delivery_dependsOnNoInfra() {
        DELIVERY_ON_PORTS.check(CIMENT);
    }

    @Test
    void eachRule_refusesTheFixtureThatBreaksIt() {
        assertThrows(AssertionError.class, () -> NO_CYCLES.check(fixture(Ping.class, Pong.class)));
        assertThrows(AssertionError.class, () -> RENDERERS_DRAW_ONLY.check(fixture(RendererReadingPeople.class)));
        assertThrows(AssertionError.class,
                () -> INBOUND_THROUGH_THE_ENTRY_POINT.check(fixture(InboundCallingAService.class)));
        assertThrows(AssertionError.class, () -> DELIVERY_ON_PORTS.check(fixture(DeliveryOnDynamo.class)));
    }

    private static JavaClasses fixture(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
