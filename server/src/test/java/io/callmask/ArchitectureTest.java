package io.callmask;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layers, kept by a test rather than by memory (docs/architecture.md draws them):
 * {@code core} (the domain) below the carrier port; the port below the shared voice toolkit and the adapters;
 * {@code web}, {@code console} and {@code ops} on top. No package takes part in a cycle.
 */
@AnalyzeClasses(packages = "io.callmask", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "io.callmask.core..";
    private static final String PORT = "io.callmask.carrier";
    private static final String VOICE = "io.callmask.carrier.voice..";

    /** Every package its own slice: a cycle between any two packages, at any depth, fails the build. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.callmask.(**)").should().beFreeOfCycles();

    /** The domain knows no HTTP: it raises {@code Refusal}s, which only web and carrier code turn into answers. */
    @ArchTest
    static final ArchRule coreKnowsNoHttp = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.web..", "org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "io.swagger..", "com.twilio..");

    /** Nor the layers above it; of the carrier layer it sees the port alone (it places calls through it). */
    @ArchTest
    static final ArchRule coreSeesOnlyThePort = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.console..", "io.callmask.ops..")
            .orShould().dependOnClassesThat(resideInAPackage("io.callmask.carrier..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage(PORT))));

    /** The port serves every adapter and knows none of them, nor the toolkit built on it. */
    @ArchTest
    static final ArchRule thePortKnowsNoAdapter = noClasses().that().resideInAPackage(PORT)
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.carrier.*..", "com.twilio..",
                    "software.amazon..", "io.callmask.web..", "io.callmask.console..");

    /** The shared voice toolkit is for every adapter: it names none. */
    @ArchTest
    static final ArchRule theToolkitKnowsNoAdapter = noClasses().that().resideInAPackage(VOICE)
            .should().dependOnClassesThat(resideInAPackage("io.callmask.carrier.*..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage(VOICE))));

    /** A new carrier adds a package; it never borrows another adapter's code (Telnyx's TeXML is not Twilio's). */
    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("io.callmask.carrier.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(VOICE));

    /** The platform API and the console are siblings; operations commands sit above both. */
    @ArchTest
    static final ArchRule webKnowsNoConsoleNorOps = noClasses().that().resideInAPackage("io.callmask.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.console..", "io.callmask.ops..",
                    "io.callmask.carrier.*..");

    /** Nothing of the emulator, the demo or the tools is in the product (they are other modules). */
    @ArchTest
    static final ArchRule theProductHasNoEmulatorDemoOrTools = noClasses()
            .that().resideOutsideOfPackages("io.callmask.emulator..", "io.callmask.tools..").should().dependOnClassesThat()
            .resideInAnyPackage("io.callmask.emulator..", "io.callmask.tools..");

    /** Refusals are the domain's; a web {@code Problem} never leaves the web and carrier layers. */
    @ArchTest
    static final ArchRule problemsStayInTheWebAndCarrierLayers = classes().that().haveSimpleName("Problem")
            .and().resideInAPackage("io.callmask.web").should().onlyHaveDependentClassesThat()
            .resideInAnyPackage("io.callmask.web..", "io.callmask.carrier.*..", "io.callmask.console..");
}
