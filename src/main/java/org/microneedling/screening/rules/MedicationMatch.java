package org.microneedling.screening.rules;

/**
 * A medicine recognised in one line of the medications list.
 *
 * @param index the line's position in the list
 * @param text the line as given
 * @param name the catalogue name found in the line, as the catalogue spells it
 */
public record MedicationMatch(int index, String text, String name, MedicationEntry entry) {
}
