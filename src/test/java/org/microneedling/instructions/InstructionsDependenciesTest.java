package org.microneedling.instructions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The patient's sheet reads the decision and the audit store; nothing of the service depends on it. */
class InstructionsDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.microneedling");

    @Test
    void onlyTheReviewWorkflowDependsOnTheInstructions() {
        noClasses().that().resideOutsideOfPackages("org.microneedling.instructions..", "org.microneedling.review..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.instructions..")
                .because("the sheet is a leaf; the review workflow only tells it a screening's status")
                .check(SERVICE);
    }

    @Test
    void theInstructionsDoNotDependOnTheReviewWorkflow() {
        noClasses().that().resideInAPackage("org.microneedling.instructions..")
                .should().dependOnClassesThat().resideInAPackage("org.microneedling.review..")
                .because("the status arrives through ScreeningStatusSource, so the arrow points one way")
                .check(SERVICE);
    }

    @Test
    void theInstructionsDependOnlyOnTheScreeningTheAuditStoreAndTheCommonParts() {
        noClasses().that().resideInAPackage("org.microneedling.instructions..")
                .should().dependOnClassesThat().resideInAnyPackage("org.microneedling.fhir..",
                        "org.microneedling.cdshooks..", "org.microneedling.policy..")
                .check(SERVICE);
    }
}
