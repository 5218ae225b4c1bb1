package io.callmask.emulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The emulator is a separate world: it must not lean on callmask's code, nor on the SDK it stands in for. */
@AnalyzeClasses(packages = "io.callmask.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorArchitectureTest {

    @ArchTest
    static final ArchRule importsNothingFromTheApp = noClasses().that().resideInAPackage("io.callmask.emulator..")
            .should().dependOnClassesThat(resideInAPackage("io.callmask..")
                    .and(not(resideInAPackage("io.callmask.emulator.."))));

    @ArchTest
    static final ArchRule doesNotUseTheTwilioSdk = noClasses().that().resideInAPackage("io.callmask.emulator..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio..");
}
