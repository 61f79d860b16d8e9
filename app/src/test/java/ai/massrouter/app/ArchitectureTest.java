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
     * No package cycles anywhere: feature packages depend one way (authentication lives in
     * {@code command.identity}, above {@code user} and {@code apikey}; a key's {@code Permission} in
     * {@code api.apikey}, below {@code api.auth}'s {@code Caller}; the request's {@code CallerAuthentication}
     * in {@code app.caller}, below the filters that read it and the security chain that orders them).
     */
    @Test
    void packages_dependOnEachOtherWithoutCycles() {
        slices().matching("ai.massrouter.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
