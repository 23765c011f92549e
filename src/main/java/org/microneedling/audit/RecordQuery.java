package org.microneedling.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which records a {@link AuditStore#scan} streams. Null fields match anything; a stored record without kind or
 * clinic matches {@link AuditEntry#SCREENING} and {@code default} ({@link AuditEntry#kindOrScreening},
 * {@link AuditEntry#clinicOrDefault}).
 *
 * @param kinds the record kinds wanted, null for every kind
 * @param clinicId the clinic whose records are wanted, null for every clinic
 * @param evaluatedFrom the earliest evaluation time wanted (inclusive), null for no lower bound
 * @param evaluatedBefore the evaluation time the records must precede (exclusive), null for no upper bound
 * @param afterPosition only records after this position (journal: chain sequence; JDBC: row id); 0 for all
 */
public record RecordQuery(Set<String> kinds, String clinicId, Instant evaluatedFrom, Instant evaluatedBefore,
        long afterPosition) {

    /**
     * How long after its evaluation a record may be recorded, generously: the commit timeout is seconds, this
     * also covers clocks of several instances that differ. The stores use it to narrow a time range by the
     * recording time, which they can search cheaply, before filtering on the evaluation time exactly.
     */
    public static final Duration RECORDING_MARGIN = Duration.ofHours(1);

    public RecordQuery {
        kinds = kinds == null ? null : Set.copyOf(kinds);
    }

    /** Every record, in recorded order. */
    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null, 0);
    }

    /** Every record of these kinds of one clinic (null for every clinic). */
    public static RecordQuery of(Set<String> kinds, String clinicId) {
        return new RecordQuery(kinds, clinicId, null, null, 0);
    }

    /** Screenings of one clinic evaluated in {@code [from, before)}. */
    public static RecordQuery screenings(String clinicId, Instant from, Instant before) {
        return new RecordQuery(Set.of(AuditEntry.SCREENING), clinicId, from, before, 0);
    }

    /** This query, resuming after {@code position} (what the previous scan returned). */
    public RecordQuery after(long position) {
        return new RecordQuery(kinds, clinicId, evaluatedFrom, evaluatedBefore, position);
    }

    /** This query for these kinds only. */
    public RecordQuery withKinds(Set<String> wantedKinds) {
        return new RecordQuery(wantedKinds, clinicId, evaluatedFrom, evaluatedBefore, afterPosition);
    }

    /** Whether a record's kind, clinic and evaluation time match; the position is the store's to check. */
    public boolean matches(AuditEntry entry) {
        return (kinds == null || kinds.contains(entry.kindOrScreening()))
                && (clinicId == null || clinicId.equals(entry.clinicOrDefault()))
                && (evaluatedFrom == null || !entry.evaluatedAt().isBefore(evaluatedFrom))
                && (evaluatedBefore == null || entry.evaluatedAt().isBefore(evaluatedBefore));
    }

    /** Whether screenings are among the kinds wanted: only then can a record without a kind match. */
    public boolean includesScreenings() {
        return kinds == null || kinds.contains(AuditEntry.SCREENING);
    }

    /** The earliest recording time a matching record can have; null when unbounded. */
    public Instant recordedFrom() {
        return evaluatedFrom == null ? null : evaluatedFrom.minus(RECORDING_MARGIN);
    }

    /** The recording time every matching record precedes; null when unbounded. */
    public Instant recordedBefore() {
        return evaluatedBefore == null ? null : evaluatedBefore.plus(RECORDING_MARGIN);
    }
}
