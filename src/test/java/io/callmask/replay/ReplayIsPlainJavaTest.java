package io.callmask.replay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The replay package runs inside a command and inside tests alike, so it needs the JDK and nothing else. */
@AnalyzeClasses(packages = "io.callmask.replay", importOptions = ImportOption.DoNotIncludeTests.class)
class ReplayIsPlainJavaTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkOnly = classes().that().resideInAPackage("io.callmask.replay..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.callmask.replay..");
}
