package org.microneedling.policy;

/** Where a version stands: only a DRAFT can be activated; at most one version is ACTIVE at a time. */
enum PolicyStatus {
    DRAFT, SCHEDULED, ACTIVE, RETIRED
}
