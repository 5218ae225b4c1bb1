package io.callmask.tools.replay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The replay package runs inside a command and inside tests alike, so it needs the JDK and nothing else. */
@AnalyzeClasses(packages = "io.callmask.tools.replay", importOptions = ImportOption.DoNotIncludeTests.class)
class ReplayIsPlainJavaTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkOnly = classes().that().resideInAPackage("io.callmask.tools.replay..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.callmask.tools.replay..");
}
