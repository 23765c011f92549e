package org.microneedling.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;

class ClinicPoliciesTest {

    private static final Ruleset CONFIGURED = Ruleset.defaults();
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static PolicyVersion version(int number) {
        Policy policy = CONFIGURED.policy();
        return new PolicyVersion(number, policy, PolicyInForce.of("lakeside", number, CONFIGURED), null,
                number == 0 ? null : "dr-a", number == 0 ? null : "Dr A", number == 0 ? null : T0);
    }

    private static Activation approval(int version, Instant approvedAt, Instant effectiveAt) {
        return new Activation(version, LocalDate.ofInstant(effectiveAt, java.time.ZoneOffset.UTC), effectiveAt,
                "dr-a", "Dr A", approvedAt);
    }

    private static ClinicPolicies withDrafts(int count) {
        ClinicPolicies policies = ClinicPolicies.startingWith(version(0));
        for (int number = 1; number <= count; number++) {
            policies = policies.withVersion(version(number));
        }
        return policies;
    }

    @Test
    void versionZeroIsInForceUntilTheClinicActivatesOneOfItsOwn() {
        ClinicPolicies policies = withDrafts(1);

        assertThat(policies.inForce(T0).version()).isZero();
        assertThat(policies.status(0, T0)).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(policies.status(1, T0)).isEqualTo(PolicyStatus.DRAFT);
        assertThat(policies.nextChangeAfter(T0)).isNull();
    }

    @Test
    void anActivationNowRetiresTheVersionBefore() {
        ClinicPolicies policies = withDrafts(1).withActivation(approval(1, T0, T0));

        assertThat(policies.inForce(T0).version()).isEqualTo(1);
        assertThat(policies.status(1, T0)).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(policies.status(0, T0)).isEqualTo(PolicyStatus.RETIRED);
    }

    @Test
    void aScheduledVersionTakesEffectAtItsMomentAndNotBefore() {
        Instant later = T0.plus(5, ChronoUnit.DAYS);
        ClinicPolicies policies = withDrafts(1).withActivation(approval(1, T0, later));

        assertThat(policies.status(1, T0)).isEqualTo(PolicyStatus.SCHEDULED);
        assertThat(policies.inForce(T0).version()).isZero();
        assertThat(policies.nextChangeAfter(T0)).isEqualTo(later);
        assertThat(policies.inForce(later).version()).isEqualTo(1);
        assertThat(policies.status(0, later)).isEqualTo(PolicyStatus.RETIRED);
        assertThat(policies.nextChangeAfter(later)).isNull();
    }

    @Test
    void aLaterApprovalForAnEarlierDateCancelsAVersionStillWaiting() {
        Instant inFiveDays = T0.plus(5, ChronoUnit.DAYS);
        Instant inTwoDays = T0.plus(2, ChronoUnit.DAYS);
        ClinicPolicies policies = withDrafts(2)
                .withActivation(approval(1, T0, inFiveDays))
                .withActivation(approval(2, T0.plusSeconds(60), inTwoDays));

        assertThat(policies.status(1, T0)).isEqualTo(PolicyStatus.RETIRED);
        assertThat(policies.status(2, T0)).isEqualTo(PolicyStatus.SCHEDULED);
        assertThat(policies.inForce(inFiveDays.plusSeconds(1)).version()).isEqualTo(2);
    }

    @Test
    void aVersionInForceStaysUntilTheNextTakesEffect() {
        Instant inThreeDays = T0.plus(3, ChronoUnit.DAYS);
        ClinicPolicies policies = withDrafts(2)
                .withActivation(approval(1, T0, T0))
                .withActivation(approval(2, T0.plusSeconds(60), inThreeDays));

        assertThat(policies.inForce(T0.plusSeconds(120)).version()).isEqualTo(1);
        assertThat(policies.status(2, T0.plusSeconds(120))).isEqualTo(PolicyStatus.SCHEDULED);
        assertThat(policies.inForce(inThreeDays).version()).isEqualTo(2);
        assertThat(policies.status(1, inThreeDays)).isEqualTo(PolicyStatus.RETIRED);
    }

    @Test
    void repeatedOrUnknownRecordsChangeNothing() {
        ClinicPolicies policies = withDrafts(1).withActivation(approval(1, T0, T0));

        assertThat(policies.withVersion(version(1))).isSameAs(policies);
        assertThat(policies.withActivation(approval(1, T0.plusSeconds(5), T0.plusSeconds(5)))).isSameAs(policies);
        assertThat(policies.withActivation(approval(7, T0, T0))).isSameAs(policies);
        assertThat(policies.withActivation(approval(0, T0, T0))).isSameAs(policies);
        assertThat(policies.newestFirst()).extracting(PolicyVersion::version).containsExactly(1, 0);
    }
}
