package ai.massrouter.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of docs/architecture: sides meet only through shared-api messages. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.massrouter");

    @Test
    void sharedApi_isPlainContract() {
        noClasses().that().resideInAPackage("ai.massrouter.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "ai.massrouter.command..", "ai.massrouter.projections..", "ai.massrouter.query..",
                        "ai.massrouter.app..")
                .check(CLASSES);
    }

    @Test
    void commandSide_doesNotReachIntoReadSide() {
        noClasses().that().resideInAPackage("ai.massrouter.command..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.massrouter.projections..",
                        "ai.massrouter.query..", "ai.massrouter.app..")
                .check(CLASSES);
    }

    @Test
    void gateway_reachesTheLedgerOnlyThroughTheContract() {
        noClasses().that().resideInAPackage("ai.massrouter.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.massrouter.command..",
                        "ai.massrouter.projections..", "ai.massrouter.query..", "ai.massrouter.app..")
                .check(CLASSES);
    }

    @Test
    void gateway_isUsedOnlyByTheApp() {
        noClasses().that().resideOutsideOfPackages("ai.massrouter.gateway..", "ai.massrouter.app..")
                .should().dependOnClassesThat().resideInAPackage("ai.massrouter.gateway..")
                .check(CLASSES);
    }

    @Test
    void projections_dependOnlyOnTheContract() {
        noClasses().that().resideInAPackage("ai.massrouter.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.massrouter.command..",
                        "ai.massrouter.query..", "ai.massrouter.app..")
                .check(CLASSES);
    }

    @Test
    void querySide_asksTheQueryGateway_andNeverTouchesATable() {
        noClasses().that().resideInAPackage("ai.massrouter.query..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.massrouter.command..",
                        "ai.massrouter.projections..", "ai.massrouter.app..", "org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    /**
     * Feature packages of the command side form no cycle (authentication lives in
     * {@code command.identity}, above {@code user} and {@code apikey}). Elsewhere cycles remain, to be
     * broken by their owners: {@code api.apikey <-> api.auth}, {@code app.limits <-> app.web},
     * {@code app.security <-> app.ratelimit / app.idempotency} (the filter chain's configuration).
     */
    @Test
    void commandSidePackages_dependOnEachOtherWithoutCycles() {
        slices().matching("ai.massrouter.command.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
