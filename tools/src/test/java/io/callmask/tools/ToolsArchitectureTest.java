package io.callmask.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The tools' packages take part in no cycle, and the tools use callmask's domain, never its web layer. */
@AnalyzeClasses(packages = "io.callmask.tools", importOptions = ImportOption.DoNotIncludeTests.class)
class ToolsArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.callmask.tools.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule toolsDriveTheDomainNotTheApi = noClasses().that().resideInAPackage("io.callmask.tools..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callmask.web..", "io.callmask.console..",
                    "io.callmask.carrier..", "io.callmask.emulator..");
}
