package org.microneedling.screening.rules;

/** The medicine classes the screening recognises. */
public enum MedicationClass {
    ANTICOAGULANT,
    ANTIPLATELET,
    ASPIRIN,
    NSAID
}
