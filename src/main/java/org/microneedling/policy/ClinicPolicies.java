package org.microneedling.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One clinic's versions and activations, and what follows from them at a given moment: which version is in force
 * and the status of each. Immutable; a new version or activation gives a new instance.
 *
 * <p>Activations are applied in the order they were approved. A later approval wins for every date it covers:
 * an earlier activation still waiting for a date on or after the new one's never takes effect (it is RETIRED).
 */
final class ClinicPolicies {

    private final TreeMap<Integer, PolicyVersion> versions;
    private final Map<Integer, Activation> activations;
    /** Activations that take or took effect, in the order they take effect. */
    private final List<Activation> timeline;

    private ClinicPolicies(TreeMap<Integer, PolicyVersion> versions, Map<Integer, Activation> activations,
            List<Activation> timeline) {
        this.versions = versions;
        this.activations = activations;
        this.timeline = timeline;
    }

    /** A clinic that has nothing of its own yet: version 0, the configuration, is in force. */
    static ClinicPolicies startingWith(PolicyVersion configured) {
        TreeMap<Integer, PolicyVersion> versions = new TreeMap<>();
        versions.put(configured.version(), configured);
        return new ClinicPolicies(versions, Map.of(), List.of());
    }

    /** This history with a new version; the same history when that version number is already known. */
    ClinicPolicies withVersion(PolicyVersion version) {
        if (versions.containsKey(version.version())) {
            return this;
        }
        TreeMap<Integer, PolicyVersion> more = new TreeMap<>(versions);
        more.put(version.version(), version);
        return new ClinicPolicies(more, activations, timeline);
    }

    /** This history with an approval; the same history when the version is unknown or was approved already. */
    ClinicPolicies withActivation(Activation activation) {
        if (!versions.containsKey(activation.version()) || activations.containsKey(activation.version())
                || activation.version() == 0) {
            return this;
        }
        Map<Integer, Activation> more = new TreeMap<>(activations);
        more.put(activation.version(), activation);
        List<Activation> effective = new ArrayList<>();
        for (Activation earlier : timeline) {
            if (earlier.effectiveAt().isBefore(activation.effectiveAt())) {
                effective.add(earlier);
            }
        }
        effective.add(activation);
        return new ClinicPolicies(versions, Collections.unmodifiableMap(more), List.copyOf(effective));
    }

    Optional<PolicyVersion> version(int number) {
        return Optional.ofNullable(versions.get(number));
    }

    Optional<Activation> activation(int number) {
        return Optional.ofNullable(activations.get(number));
    }

    int latestVersion() {
        return versions.lastKey();
    }

    List<PolicyVersion> newestFirst() {
        return List.copyOf(versions.descendingMap().values());
    }

    /** The version in force at {@code moment}: the last activation that took effect by then, else version 0. */
    PolicyVersion inForce(Instant moment) {
        Activation current = current(moment);
        return versions.get(current == null ? versions.firstKey() : current.version());
    }

    PolicyStatus status(int number, Instant moment) {
        Activation current = current(moment);
        int inForce = current == null ? versions.firstKey() : current.version();
        if (number == inForce) {
            return PolicyStatus.ACTIVE;
        }
        Activation activation = activations.get(number);
        if (number == versions.firstKey()) {
            return PolicyStatus.RETIRED;
        }
        if (activation == null) {
            return PolicyStatus.DRAFT;
        }
        boolean pending = timeline.contains(activation) && activation.effectiveAt().isAfter(moment);
        return pending ? PolicyStatus.SCHEDULED : PolicyStatus.RETIRED;
    }

    /** When the version in force changes next after {@code moment}; null when nothing is scheduled. */
    Instant nextChangeAfter(Instant moment) {
        for (Activation activation : timeline) {
            if (activation.effectiveAt().isAfter(moment)) {
                return activation.effectiveAt();
            }
        }
        return null;
    }

    private Activation current(Instant moment) {
        Activation current = null;
        for (Activation activation : timeline) {
            if (!activation.effectiveAt().isAfter(moment)) {
                current = activation;
            }
        }
        return current;
    }
}
