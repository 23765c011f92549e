package org.microneedling.review;

/** What a provider decides about a screening that was referred to them. */
public enum ReviewDecision {
    CLEARED,
    DECLINED,
    MORE_INFORMATION_NEEDED
}
