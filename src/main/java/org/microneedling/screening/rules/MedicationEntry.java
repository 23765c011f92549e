package org.microneedling.screening.rules;

import java.util.List;

/**
 * One recognised medicine.
 *
 * @param rxcui the RxNorm ingredient concept, or empty where it was not verified
 * @param names the generic name first, then brand names
 */
public record MedicationEntry(MedicationClass medicationClass, String ingredient, String rxcui, List<String> names) {

    public MedicationEntry {
        names = List.copyOf(names);
    }
}
