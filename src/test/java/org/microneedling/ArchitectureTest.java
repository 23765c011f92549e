package org.microneedling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Feature packages whose arrows point one way: a change to an adapter never reaches the decision, and no two
 * packages need each other. (The rules module's own check, plain Java only, is RulesArchitectureTest.)
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.microneedling");

    @Test
    void importsEveryFeaturePackage() {
        assertThat(SERVICE.stream().map(JavaClass::getPackageName))
                .contains("org.microneedling.screening", "org.microneedling.screening.rules", "org.microneedling.audit",
                        "org.microneedling.fhir", "org.microneedling.cdshooks", "org.microneedling.security",
                        "org.microneedling.common", "org.microneedling.review");
    }

    @Test
    void noTwoFeaturePackagesDependOnEachOther() {
        slices().matching("org.microneedling.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void nothingDependsOnTheCdsHooksAdapter() {
        noClasses().that().resideOutsideOfPackage("org.microneedling.cdshooks..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.cdshooks..")
                .because("an adapter translates to the screening and nothing depends on it")
                .check(SERVICE);
    }

    @Test
    void nothingDependsOnTheServedApiDocument() {
        noClasses().that().resideOutsideOfPackage("org.microneedling.openapi..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.openapi..")
                .because("the document describes the service; the service never reads it")
                .check(SERVICE);
    }

    @Test
    void onlyTheCdsHooksAdapterDependsOnTheReviewWorkflow() {
        noClasses().that().resideOutsideOfPackages("org.microneedling.review..", "org.microneedling.cdshooks..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.review..")
                .because("reviews build on screenings and the audit trail, and a screening never waits for a review; "
                        + "only the outermost adapter, which nothing depends on, may read a clearance")
                .check(SERVICE);
    }

    @Test
    void onlyTheCdsHooksAdapterBuildsOnTheFhirAdapter() {
        noClasses().that().resideOutsideOfPackages("org.microneedling.fhir..", "org.microneedling.cdshooks..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.fhir..")
                .because("the screening names no FHIR type: FHIR is translated at the edge")
                .check(SERVICE);
    }
}
