package org.microneedling.screening.rules;

/** A patient's answer to a yes/no question; UNKNOWN means asked but not known. */
public enum Answer {
    YES,
    NO,
    UNKNOWN
}
