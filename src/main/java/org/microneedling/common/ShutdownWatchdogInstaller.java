package org.microneedling.common;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Arms the {@link ShutdownWatchdog} of a packaged application. Its deadline is the longest a clean stop may take:
 * the shutdown delay (where enabled), the shutdown timeout, and {@code screening.shutdown.watchdog-margin} for what
 * follows them (closing the audit store). Tests and dev mode start and stop the application many times in one JVM,
 * which is not the stop this guards.
 */
class ShutdownWatchdogInstaller {

    private static final Logger LOG = Logger.getLogger(ShutdownWatchdogInstaller.class);

    void install(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.shutdown.delay-enabled", defaultValue = "false") boolean delayEnabled,
            @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay,
            @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout,
            @ConfigProperty(name = "screening.shutdown.watchdog-margin") Duration margin) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        Duration deadline = deadline(delayEnabled ? delay : Optional.empty(), timeout, margin);
        ShutdownWatchdog.forThisJvm(deadline).armOnJvmShutdown();
        LOG.debugf("A stop that takes longer than %d ms is halted", deadline.toMillis());
    }

    static Duration deadline(Optional<Duration> delay, Optional<Duration> timeout, Duration margin) {
        return delay.orElse(Duration.ZERO).plus(timeout.orElse(Duration.ZERO)).plus(margin);
    }
}
