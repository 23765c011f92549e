package org.microneedling.screening;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.microneedling.audit.AuditEntry;
import org.microneedling.audit.DecisionLog;
import org.microneedling.audit.RecordQuery;
import org.microneedling.audit.Verification;
import org.microneedling.common.ClinicId;
import org.microneedling.common.Messages;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Intake;
import org.microneedling.screening.rules.MedicationCatalogue;
import org.microneedling.screening.rules.Policy;
import org.microneedling.screening.rules.Ruleset;
import org.microneedling.security.Caller;

/**
 * The service's screening path wired by hand as CDI wires it, with the shipped policy, an ObjectMapper
 * configured like Quarkus' default one and a decision log that keeps nothing (the audit write is measured
 * through HTTP by bench/run.sh, not here). It lives in the screening package because the path's parts are
 * package-private there; the benchmarks themselves are in {@code org.microneedling.bench.jmh}.
 */
public final class ScreeningPathFixture {

    /**
     * Libraries log through JBoss Logging; outside Quarkus, which sets INFO, the JBoss LogManager would build a
     * record for every TRACE call of Hibernate Validator. The fixtures set INFO as Quarkus does.
     */
    public static final String LOGGING = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    static {
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
    }

    /** The load harness's questionnaire; the OpenAPI example, which gives a referral and an advisory. */
    public static final String QUESTIONNAIRE = ApiExamples.REQUEST;

    private final ObjectMapper mapper = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();
    private final ScreeningConfig config = new Config();
    private final Ruleset ruleset = Ruleset.create(Policy.defaults(), MedicationCatalogue.load());
    private final PolicyInForce policy = PolicyInForce.of(ClinicId.DEFAULT, 0, ruleset);
    private final QuestionnaireReader reader = new QuestionnaireReader(mapper, validator, config);
    private final DecisionRenderer renderer = new DecisionRenderer(ruleset);
    private final DecisionLog keepsNothing = new KeepsNothing();
    private final ScreeningService service = new ScreeningService(reader, clinicId -> policy, renderer, keepsNothing,
            mapper, config);
    private final Caller caller = new Caller("bench", null, null, ClinicId.DEFAULT);
    private final Messages messages = Messages.of(Messages.DEFAULT_LOCALE);

    public Ruleset ruleset() {
        return ruleset;
    }

    /** Strict parsing alone. */
    public JsonNode parse(byte[] body) {
        return reader.parse(body, messages);
    }

    /** One questionnaire from bytes to the result JSON that would be recorded and answered. */
    public String screen(byte[] body) {
        return service.screen(body, messages, caller).toCompletableFuture().join().json();
    }

    /** A JSON array of questionnaires to the array of results. */
    public String screenBatch(byte[] body) {
        return service.screenBatch(body, messages, caller);
    }

    /** The questionnaire as the rules see it, after reading and validation. */
    public Intake intake(byte[] body) {
        List<Violation> violations = new ArrayList<>();
        QuestionnaireReader.Valid valid = reader.read(reader.parse(body, messages), "", messages, violations);
        if (valid == null) {
            throw new IllegalStateException("The benchmark questionnaire is invalid: " + violations);
        }
        return valid.intake();
    }

    /** A JSON array of {@code size} copies of the questionnaire, as a batch client would send it. */
    public static byte[] batch(int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append(QUESTIONNAIRE);
        }
        return json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class KeepsNothing implements DecisionLog {
        @Override
        public void append(List<AuditEntry> entries) {
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> appendAsync(List<AuditEntry> entries) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public void onCommitted(Consumer<List<AuditEntry>> listener) {
            // Nothing is ever committed here, so there is nothing to tell.
        }

        @Override
        public Optional<String> findResult(UUID screeningId, String clinicId) {
            return Optional.empty();
        }

        @Override
        public Optional<AuditEntry> find(UUID id) {
            return Optional.empty();
        }

        @Override
        public long scan(RecordQuery query, Consumer<AuditEntry> each) {
            return 0;
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public Verification verify(String clinicId) {
            throw new UnsupportedOperationException("The benchmark fixture keeps no records to verify");
        }
    }

    private static final class Config implements ScreeningConfig {
        @Override
        public ZoneId zone() {
            return ZoneId.of("UTC");
        }

        @Override
        public int maxBodyBytes() {
            return 65536;
        }

        @Override
        public Batch batch() {
            return new Batch() {
                @Override
                public int maxSize() {
                    return 1000;
                }

                @Override
                public int maxBodyBytes() {
                    return 4194304;
                }
            };
        }
    }
}
