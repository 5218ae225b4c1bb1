package io.callmask;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of STYLE.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "io.callmask", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"io.callmask.directory..", "io.callmask.session..", "io.callmask.pool..",
        "io.callmask.routing..", "io.callmask.call..", "io.callmask.number..", "io.callmask.event..",
        "io.callmask.recording..", "io.callmask.audit..", "io.callmask.abuse..", "io.callmask.cost.."};

    @ArchTest
    static final ArchRule domainKnowsNoCarrierAdapter = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.carrier.twilio..", "com.twilio..");

    @ArchTest
    static final ArchRule domainKnowsNoEmulator = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("io.callmask.emulator..");

    @ArchTest
    static final ArchRule theEmulatorIsAnHonestStandIn = noClasses().that().resideInAPackage("io.callmask.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.callmask.carrier..", "io.callmask.web..");

    @ArchTest
    static final ArchRule theRouterIsFreeOfHttp = noClasses().that().resideInAPackage("io.callmask.routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
