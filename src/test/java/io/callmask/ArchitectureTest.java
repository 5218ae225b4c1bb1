package io.callmask;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** Any adapter: a package under carrier/ ({@code twilio}, {@code telnyx}, …) and the carriers' SDKs. */
    private static final String[] ADAPTERS = {"io.callmask.carrier.*..", "com.twilio.."};

    @ArchTest
    static final ArchRule domainKnowsNoCarrierAdapter = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    /** The port, the registry and the shared voice flow serve every adapter and know none of them. */
    @ArchTest
    static final ArchRule theSharedCarrierPartKnowsNoAdapter = noClasses().that().resideInAPackage("io.callmask.carrier")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    /** A new carrier adds a package; it never borrows another adapter's code (Telnyx's TeXML is not Twilio's). */
    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("io.callmask.carrier.(*)..")
            .should().notDependOnEachOther();

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
