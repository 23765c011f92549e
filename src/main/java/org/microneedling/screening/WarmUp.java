package org.microneedling.screening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.microneedling.common.ClinicId;
import org.microneedling.common.Messages;
import org.microneedling.security.Caller;
import org.microneedling.security.Rehearsals;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;

/**
 * Runs synthetic screenings through the HTTP layer, the reader, the rules, the renderer and the JSON writer before
 * readiness reports UP, so that the first clients after UP meet compiled code instead of the interpreter. They never
 * reach the audit trail: {@link ScreeningService#decided} stops before it, and the HTTP requests carry a key of this
 * process that marks them as rehearsals ({@link Rehearsals}), which are committed only to a scratch journal deleted at
 * the end ({@link ScreeningService#rehearse}). The warm-up runs on its own thread, so a request that arrives meanwhile
 * is answered as usual; it only keeps the load balancer's traffic away until it ends.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final String CHECK_NAME = "screening-warm-up";
    private static final Caller REHEARSAL = new Caller(Rehearsals.CLIENT_ID, null, null, ClinicId.DEFAULT);
    private static final String LOOPBACK = "127.0.0.1";

    private final ScreeningService service;
    private final WarmUpConfig config;
    private final List<byte[]> questionnaires;
    private final Rehearsals rehearsals;
    private final ValueRegistry values;
    private final String httpHost;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong screenings = new AtomicLong();
    private final AtomicLong throughHttp = new AtomicLong();

    WarmUp(ScreeningService service, WarmUpConfig config, ObjectMapper mapper, Rehearsals rehearsals,
            ValueRegistry values, @ConfigProperty(name = "quarkus.http.host") Optional<String> httpHost) {
        this.service = service;
        this.config = config;
        this.questionnaires = questionnaires(mapper);
        this.rehearsals = rehearsals;
        this.values = values;
        this.httpHost = httpHost.orElse(LOOPBACK);
    }

    void onStart(@Observes StartupEvent event) {
        Duration budget = budget(config.duration(), config.latestAfterLaunch(),
                ManagementFactory.getRuntimeMXBean().getStartTime(), System.currentTimeMillis());
        if (!config.enabled() || budget.isZero()) {
            if (config.enabled() && !config.duration().isZero()) {
                LOG.warnf("Warm-up skipped: the start took longer than screening.warm-up.latest-after-launch (%s)",
                        config.latestAfterLaunch());
            }
            finished.set(true);
            return;
        }
        Thread thread = new Thread(() -> run(budget), "screening-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Screens the synthetic questionnaires in turn until {@code budget} has passed: through this service's own HTTP
     * layer ({@link HttpRehearsal}), and directly for whatever is left when that cannot be reached (no plain HTTP
     * port on loopback). Readiness is UP from its end on, also when a screening failed (the warm-up is an
     * optimisation, never a reason to refuse traffic).
     *
     * @return how many screenings ran
     */
    long run(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        long viaHttp = 0;
        long direct = 0;
        try {
            // The HTTP server starts listening after the start-up event: until then the code is called directly.
            direct = directly(deadline, () -> httpPort() > 0);
            viaHttp = throughHttp(deadline);
            direct += directly(deadline, () -> false);
            LOG.infof("Warm-up: %d synthetic screenings through HTTP and %d directly in %d ms, none recorded",
                    viaHttp, direct, budget.toMillis());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Warm-up stopped after %d synthetic screenings", viaHttp + direct);
        } finally {
            finished.set(true);
        }
        return viaHttp + direct;
    }

    /** The port the HTTP server listens on (the actual one when configured as 0), or 0 before it listens. */
    private int httpPort() {
        Integer registered = values.getOrDefault(HttpServer.HTTP_PORT, null);
        return registered == null ? 0 : registered;
    }

    private long throughHttp(long deadline) {
        int port = httpPort();
        if (port <= 0 || System.nanoTime() >= deadline) {
            return 0;
        }
        String host = switch (httpHost) {
            case "0.0.0.0", "localhost" -> LOOPBACK;
            case "::", "[::]" -> "::1";
            default -> httpHost;
        };
        Runnable closeRehearsalLog = openRehearsalLog();
        HttpRehearsal rehearsal = new HttpRehearsal(host, port, rehearsals.open(), questionnaires,
                config.httpConnections(), () -> {
                    screenings.incrementAndGet();
                    throughHttp.incrementAndGet();
                });
        try {
            return rehearsal.run(deadline);
        } catch (IllegalStateException e) {
            LOG.warnf("Warm-up through HTTP on %s:%d stopped (%s); the rest of it calls the screening code directly",
                    host, port, e.getMessage());
            return 0;
        } finally {
            rehearsals.close();
            closeRehearsalLog.run();
        }
    }

    /** Opens the scratch journal that rehearsals through HTTP commit to, if any; returns what closes it. */
    private Runnable openRehearsalLog() {
        try {
            return service.openRehearsals();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Warm-up without a scratch journal (%s): the audit writer's code is compiled under the first "
                    + "clients' screenings instead", e.toString());
            return () -> {
            };
        }
    }

    /** Screens without HTTP until the deadline or until {@code enough} says so. */
    private long directly(long deadline, BooleanSupplier enough) {
        long count = 0;
        Messages[] languages = Messages.SUPPORTED.stream().map(Messages::of).toArray(Messages[]::new);
        while (System.nanoTime() < deadline && !enough.getAsBoolean()) {
            byte[] body = questionnaires.get((int) (count % questionnaires.size()));
            Messages messages = languages[(int) (count / questionnaires.size() % languages.length)];
            service.decided(body, messages, REHEARSAL);
            count++;
            screenings.incrementAndGet();
        }
        return count;
    }

    /** The configured duration, cut short where it would end later than {@code latestAfterLaunch}; never negative. */
    static Duration budget(Duration duration, Duration latestAfterLaunch, long launchMillis, long nowMillis) {
        Duration left = Duration.ofMillis(launchMillis + latestAfterLaunch.toMillis() - nowMillis);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return duration.compareTo(left) < 0 ? duration : left;
    }

    boolean finished() {
        return finished.get();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(CHECK_NAME)
                .status(finished.get())
                .withData("enabled", config.enabled())
                .withData("screenings", screenings.get())
                .withData("throughHttp", throughHttp.get())
                .build();
    }

    /** The OpenAPI example and variations of it that make each kind of rule fire, so each path gets compiled. */
    private static List<byte[]> questionnaires(ObjectMapper mapper) {
        List<Consumer<ObjectNode>> variations = List.of(
                q -> {
                },
                q -> history(q).put("coldSoreHistory", "NO"),
                q -> history(q).put("activeAcne", "YES").put("eczema", "UNKNOWN"),
                q -> patient(q).put("pregnant", "UNKNOWN").put("fitzpatrickSkinType", 5),
                q -> patient(q).put("age", 20).put("dateOfBirth", "2006-06-15"),
                q -> q.put("lastMicroneedlingDate", "2026-11-10"),
                q -> history(q).put("radiationTherapy", "YES").put("radiationTherapyEndDate", "2026-02-25"),
                q -> history(q).put("isotretinoin", "NO").put("isotretinoinStopDate", "2026-07-20"),
                q -> q.putArray("medications").add("warfarin 5 mg").add("aspirin 81 mg"),
                q -> q.putObject("treatment").put("energyAssisted", true).put("needleDepthMm", 2.0));
        List<byte[]> bodies = new ArrayList<>(variations.size());
        try {
            for (Consumer<ObjectNode> variation : variations) {
                ObjectNode questionnaire = (ObjectNode) mapper.readTree(ApiExamples.REQUEST);
                variation.accept(questionnaire);
                bodies.add(mapper.writeValueAsString(questionnaire).getBytes(StandardCharsets.UTF_8));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The warm-up questionnaires could not be built", e);
        }
        return List.copyOf(bodies);
    }

    private static ObjectNode patient(ObjectNode questionnaire) {
        return (ObjectNode) questionnaire.get("patient");
    }

    private static ObjectNode history(ObjectNode questionnaire) {
        return (ObjectNode) questionnaire.get("history");
    }
}
