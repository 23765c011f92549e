package org.microneedling.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microneedling.audit.AuditSettings;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.journal.JournalAuditStore;
import org.microneedling.screening.rules.Outcome;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;

/** Versions and activations are audit records: a new instance on the same store knows them. */
class PolicyRegistryTest {

    static final Ruleset CONFIGURED = Ruleset.defaults();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final PoliciesConfig QUICK = () -> Duration.ofMillis(100);

    static PolicyRegistry registry(DecisionLog log) {
        return new PolicyRegistry(log, CONFIGURED, JSON, QUICK);
    }

    static final Caller DIRECTOR = new Caller("client-a", "dr-a", "Dr A", "lakeside", true);

    static PolicyVersion draftAndActivate(PolicyRegistry registry, String clinicId, Policy policy) {
        PolicyVersion version = registry.createDraft(clinicId, policies -> new DraftReader.Draft(0, policy, "test"),
                "{}", DIRECTOR);
        registry.activate(clinicId, version.version(),
                now -> new Activation(version.version(), LocalDate.ofInstant(now, ZoneOffset.UTC), now, "dr-a", "Dr A", now),
                "{}", "client-a");
        return version;
    }

    @Test
    void versionsAndActivationsSurviveARestartOnTheJournal(@TempDir Path dir) {
        Policy stricter = CONFIGURED.policy().withOutcome("COLD_SORE_HISTORY", Outcome.INELIGIBLE);
        String digest;
        try (JournalAuditStore store = JournalAuditStore.open(AuditSettings.forJournal(dir))) {
            PolicyRegistry first = registry(new StoreBackedLog(store));
            PolicyVersion created = draftAndActivate(first, "lakeside", stricter);
            first.createDraft("lakeside", policies -> new DraftReader.Draft(1, CONFIGURED.policy(), null), "{}",
                    DIRECTOR);
            digest = created.digest();
            first.stop();
        }
        try (JournalAuditStore store = JournalAuditStore.open(AuditSettings.forJournal(dir))) {
            PolicyRegistry restarted = registry(new StoreBackedLog(store));

            assertThat(restarted.inForce("lakeside").version()).isEqualTo(1);
            assertThat(restarted.inForce("lakeside").ruleset().digest()).isEqualTo(digest);
            assertThat(restarted.inForce("harbor").version()).isZero();
            ClinicPolicies policies = restarted.policies("lakeside");
            Instant now = Instant.now();
            assertThat(policies.status(1, now)).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(policies.status(2, now)).isEqualTo(PolicyStatus.DRAFT);
            assertThat(policies.status(0, now)).isEqualTo(PolicyStatus.RETIRED);
            assertThat(policies.version(1).orElseThrow().policy()).isEqualTo(stricter);
            assertThat(policies.activation(1).orElseThrow().approvedBy()).isEqualTo("dr-a");
            assertThat(store.verify("lakeside").intact()).isTrue();
            restarted.stop();
        }
    }
}
