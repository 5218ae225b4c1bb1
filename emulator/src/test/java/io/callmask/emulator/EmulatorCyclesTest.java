package io.callmask.emulator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The emulator module's packages, like the server's, take part in no cycle. */
@AnalyzeClasses(packages = "io.callmask.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorCyclesTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.callmask.emulator.(**)").should().beFreeOfCycles();
}
