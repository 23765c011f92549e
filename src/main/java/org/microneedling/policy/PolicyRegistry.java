package org.microneedling.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;

import org.jboss.logging.Logger;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.screening.ClinicRulesets;
import org.microneedling.screening.PolicyInForce;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;

/**
 * Every clinic's policy versions and activations, read from the audit store at start-up and kept current: by this
 * instance's own writes, and on a shared database by reading what other instances recorded every
 * {@code policies.refresh-interval}. Screening asks it for the version in force, which it answers from rulesets
 * built once per version.
 */
@Startup
@ApplicationScoped
public class PolicyRegistry implements ClinicRulesets {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);
    private static final long SETTLE_MILLIS = 30_000;
    private static final Set<String> KINDS = Set.of(PolicyRecords.VERSION_KIND, PolicyRecords.ACTIVATION_KIND);

    static final String CONFIGURED_NOTE = "The service's configuration (screening.policy.*)";

    private final DecisionLog log;
    private final Ruleset configured;
    private final PolicyRecords records;
    private final Map<String, Current> clinics = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;
    private volatile boolean loaded;
    /** Every record up to here has been read; later reads start after it. */
    private long settledPosition;
    /** Positions reached by recent reads, oldest first: {time in ms, position}. */
    private final Deque<long[]> recentPositions = new ArrayDeque<>();

    /** A clinic's history, the version in force, and until when that answer holds without looking again. */
    private record Current(ClinicPolicies policies, PolicyInForce inForce, long validUntilMillis) {
    }

    PolicyRegistry(DecisionLog log, Ruleset configured, ObjectMapper mapper, PoliciesConfig config) {
        this.log = log;
        this.configured = configured;
        this.records = new PolicyRecords(mapper, configured);
        refreshOrWarn();
        long interval = Math.max(100, config.refreshInterval().toMillis());
        if (log.shared() || !loaded) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "policy-refresh");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refreshOrWarn, interval, interval, TimeUnit.MILLISECONDS);
        } else {
            refresher = null;
        }
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    @Override
    public PolicyInForce inForce(String clinicId) {
        Current current = clinics.get(clinicId);
        if (current == null) {
            if (!loaded) {
                throw notYetKnown();
            }
            current = clinics.computeIfAbsent(clinicId, this::fresh);
        }
        long now = System.currentTimeMillis();
        if (now >= current.validUntilMillis()) {
            // A scheduled version took effect. Recomputed in place: a version recorded meanwhile is not lost.
            current = clinics.compute(clinicId, (id, latest) -> now >= latest.validUntilMillis()
                    ? current(latest.policies())
                    : latest);
        }
        return current.inForce();
    }

    /** The clinic's history as it stands; 503 until the store has been read once. */
    ClinicPolicies policies(String clinicId) {
        if (!loaded) {
            throw notYetKnown();
        }
        return clinics.computeIfAbsent(clinicId, this::fresh).policies();
    }

    Ruleset configured() {
        return configured;
    }

    /**
     * Creates the clinic's next version from a draft: recorded durably first, then known; 503 and nothing known when
     * it cannot be recorded.
     */
    synchronized PolicyVersion createDraft(String clinicId, Function<ClinicPolicies, DraftReader.Draft> reader,
            String requestBody, Caller creator) {
        catchUpIfShared();
        DraftReader.Draft draft = reader.apply(policies(clinicId));
        int number = policies(clinicId).latestVersion() + 1;
        Policy policy = records.sparse(draft.policy());
        PolicyVersion version = new PolicyVersion(number, policy,
                PolicyInForce.of(clinicId, number, configured.withPolicy(policy)), draft.note(), creator.personId(),
                creator.displayName(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        log.append(List.of(records.versionEntry(version, requestBody, creator.clientId())));
        clinics.compute(clinicId, (id, latest) -> current(latest.policies().withVersion(version)));
        return version;
    }

    /**
     * Approves a draft: recorded durably first, then in force from its moment.
     *
     * @throws ProblemException 404 for an unknown version, 409 for one that is not a DRAFT
     */
    synchronized Activation activate(String clinicId, int number, Function<Instant, Activation> approval,
            String requestBody, String clientId) {
        catchUpIfShared();
        ClinicPolicies policies = policies(clinicId);
        PolicyVersion version = policies.version(number).orElseThrow(() -> unknownVersion(number));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PolicyStatus status = policies.status(number, now);
        if (status != PolicyStatus.DRAFT) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "Version " + number + " is " + status + "; only a DRAFT can be activated.");
        }
        Activation activation = approval.apply(now);
        log.append(List.of(records.activationEntry(clinicId, version, activation, requestBody, clientId)));
        clinics.compute(clinicId, (id, latest) -> current(latest.policies().withActivation(activation)));
        return activation;
    }

    private void catchUpIfShared() {
        if (log.shared()) {
            refresh();
        }
    }

    /**
     * Reads what was recorded since the last read. On a shared database a writer calls this first, so that it
     * numbers and checks against what other instances did.
     */
    synchronized void refresh() {
        long now = System.currentTimeMillis();
        long reached = log.scan(new RecordQuery(KINDS, null, null, null, settledPosition), this::apply);
        recentPositions.addLast(new long[] { now, reached });
        // Row ids are handed out at insert, not at commit: on a shared database a row below the position just
        // reached may still become visible. Once its transaction must have ended, the position is settled; until
        // then the same records are read again, which changes nothing (versions and approvals apply once).
        while (recentPositions.size() > 1 && recentPositions.peekFirst()[0] <= now - SETTLE_MILLIS) {
            settledPosition = Math.max(settledPosition, recentPositions.removeFirst()[1]);
        }
        if (!log.shared()) {
            settledPosition = Math.max(settledPosition, reached);
            recentPositions.clear();
        }
        if (!loaded) {
            loaded = true;
            LOG.infof("Clinic policies loaded: %d clinic(s) with versions of their own", clinics.size());
        }
    }

    boolean shared() {
        return log.shared();
    }

    private void refreshOrWarn() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Clinic policies could not be read from the audit store (%s); will try again",
                    e.getMessage());
        }
    }

    private void apply(AuditEntry entry) {
        String clinicId = entry.clinicOrDefault();
        clinics.computeIfAbsent(clinicId, this::fresh);
        if (PolicyRecords.VERSION_KIND.equals(entry.kind())) {
            // Read again while its position settles: known already, so its ruleset is not built twice.
            if (clinics.get(clinicId).policies().version(records.versionNumber(entry)).isPresent()) {
                return;
            }
            PolicyVersion version = records.version(entry);
            clinics.compute(clinicId, (id, latest) -> current(latest.policies().withVersion(version)));
        } else if (PolicyRecords.ACTIVATION_KIND.equals(entry.kind())) {
            Activation activation = records.activation(entry);
            clinics.compute(clinicId, (id, latest) -> current(latest.policies().withActivation(activation)));
        }
    }

    private static Current current(ClinicPolicies policies) {
        Instant now = Instant.now();
        Instant next = policies.nextChangeAfter(now);
        return new Current(policies, policies.inForce(now).ready(), next == null ? Long.MAX_VALUE : next.toEpochMilli());
    }

    private Current fresh(String clinicId) {
        PolicyVersion configuredVersion = new PolicyVersion(0, configured.policy(),
                PolicyInForce.of(clinicId, 0, configured), CONFIGURED_NOTE, null, null, null);
        return new Current(ClinicPolicies.startingWith(configuredVersion), configuredVersion.ready(), Long.MAX_VALUE);
    }

    static ProblemException unknownVersion(int number) {
        return ProblemException.of(ProblemType.NOT_FOUND, "No policy version " + number + " exists for this clinic.");
    }

    private static ProblemException notYetKnown() {
        return new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                "The clinic policies cannot be read from the audit store yet; retry shortly."));
    }
}
