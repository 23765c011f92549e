package org.microneedling.common;

/**
 * One bad field of a request: {@code field} is its JSON path ({@code history.eczema},
 * {@code medications[3]}, {@code [2].patient.age} inside a batch).
 */
public record Violation(String field, String message) {
}
