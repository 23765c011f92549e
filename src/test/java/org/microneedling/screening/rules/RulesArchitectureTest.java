package org.microneedling.screening.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keeps the rules module plain Java, so that a clinician can review it without knowing a framework. */
class RulesArchitectureTest {

    private static final JavaClasses RULES_MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.microneedling.screening.rules");

    @Test
    void importsTheWholeModule() {
        assertThat(RULES_MODULE).extracting(javaClass -> javaClass.getSimpleName())
                .contains("Ruleset", "Policy", "BloodThinnersRule", "MedicationCatalogue");
    }

    @Test
    void dependsOnNoFramework() {
        noClasses().that().resideInAPackage("org.microneedling.screening.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "javax.inject..", "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..",
                        "com.fasterxml..", "io.vertx..", "org.jboss..", "org.hibernate..")
                .because("the rules must stay readable and testable as plain Java")
                .check(RULES_MODULE);
    }

    @Test
    void everyRuleClassImplementsRule() {
        classes().that().haveSimpleNameEndingWith("Rule").and().areNotInterfaces()
                .should().implement(Rule.class)
                .check(RULES_MODULE);
    }

    @Test
    void everyAdvisoryClassImplementsAdvisory() {
        classes().that().haveSimpleNameEndingWith("Advisory").and().areNotInterfaces()
                .should().implement(Advisory.class)
                .check(RULES_MODULE);
    }

    @Test
    void ruleClassesAreImmutable() {
        classes().that().implement(Rule.class).or().implement(Advisory.class)
                .should().haveOnlyFinalFields()
                .check(RULES_MODULE);
    }
}
