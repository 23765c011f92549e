package org.microneedling.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while decisions can be recorded: an instance that would answer every screening with 503 should
 * get no traffic. Liveness deliberately does not look at the store, so an outage never restarts the service.
 */
@Readiness
@ApplicationScoped
class AuditReadiness implements HealthCheck {

    private final AuditDecisionLog decisionLog;

    AuditReadiness(AuditDecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-store")
                .status(decisionLog.ready())
                .withData("enabled", decisionLog.enabled())
                .withData("engine", decisionLog.store().map(s -> s.engine()).orElse("none"))
                .build();
    }
}
