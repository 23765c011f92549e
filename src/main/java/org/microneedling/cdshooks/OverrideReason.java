package org.microneedling.cdshooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a user may set a referral card aside, in this service's own code system. Each says what makes booking safe
 * anyway, so that the audit shows which of them the clinic relied on; the text of each is {@code cds.override.CODE}.
 */
enum OverrideReason {
    /** A provider of the clinic has already assessed the patient and cleared microneedling. */
    PROVIDER_CLEARED("provider-cleared"),
    /** The record is out of date: the patient's answers today differ from what it says. */
    RECORD_OUTDATED("record-outdated"),
    /** The patient completes the intake before the visit, and the screening is done again from it. */
    INTAKE_BEFORE_VISIT("intake-before-visit"),
    /** A provider sees the patient at the visit and decides before any needling. */
    PROVIDER_DECIDES_AT_VISIT("provider-decides-at-visit"),
    /** The appointment is not for microneedling, so the screening does not apply. */
    NOT_MICRONEEDLING("not-microneedling");

    static final String DEFAULT_SYSTEM = "https://screening.example.org/fhir/CodeSystem/override-reason";

    private final String code;

    OverrideReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return "cds.override." + code;
    }

    static Optional<OverrideReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
