package org.microneedling.screening;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.microneedling.common.Characters;
import org.microneedling.common.Identifier;
import org.microneedling.common.MaxCharacters;
import org.microneedling.common.Messages;
import org.microneedling.common.Violation;
import org.microneedling.screening.rules.Ages;
import org.microneedling.screening.rules.Answer;
import org.microneedling.screening.rules.ClinicalCode;
import org.microneedling.screening.rules.Intake;
import org.microneedling.screening.rules.Question;

/**
 * Reads questionnaires from JSON bodies: parses strictly (duplicate properties and trailing data
 * are errors), binds, validates, and checks the answers against each other and against
 * {@code asOf}. Every problem found is reported at once, each under its JSON path.
 */
@ApplicationScoped
class QuestionnaireReader {

    private static final Map<Question, List<Method>> ANSWER_FIELDS = answerFields();
    /** A planned radiation end further out than this is a typing error, not a treatment plan. */
    static final int MAX_PLANNED_YEARS = 10;
    /**
     * The latest {@code asOf}: every date a decision writes (a birthday up to 120 years on, a planned end
     * plus a window of up to 100 years) must still have four digits.
     */
    static final LocalDate LATEST_AS_OF = LocalDate.of(9799, 12, 31);

    private final ObjectReader reader;
    private final ObjectReader batchReader;
    private final Validator validator;
    private final ScreeningConfig config;

    QuestionnaireReader(ObjectMapper mapper, Validator validator, ScreeningConfig config) {
        this.reader = StrictJsonBodies.reader(mapper, config.maxBodyBytes(),
                10 * StrictJsonBodies.MAX_TOKENS_PER_QUESTIONNAIRE);
        this.batchReader = StrictJsonBodies.reader(mapper, config.batch().maxBodyBytes(),
                Math.max(1, config.batch().maxSize()) * StrictJsonBodies.MAX_TOKENS_PER_QUESTIONNAIRE);
        this.validator = validator;
        this.config = config;
    }

    /** A questionnaire that passed every check. */
    record Valid(ScreeningRequest request, Intake intake, JsonNode source) {
    }

    /** Parses a single questionnaire body into a JSON tree, answering 400 for anything that is not JSON. */
    JsonNode parse(byte[] body, Messages messages) {
        return StrictJsonBodies.parse(reader, body, messages);
    }

    /** Parses a batch body, under limits scaled to the largest batch. */
    JsonNode parseBatch(byte[] body, Messages messages) {
        return StrictJsonBodies.parse(batchReader, body, messages);
    }

    /**
     * Binds and validates one questionnaire. Returns {@code null} and adds to {@code violations}
     * when it is not valid; {@code pathPrefix} is empty for a single request or {@code [i]} in a batch.
     */
    Valid read(JsonNode node, String pathPrefix, Messages messages, List<Violation> violations) {
        RequestBinder binder = new RequestBinder(messages);
        ScreeningRequest request = binder.bind(node, ScreeningRequest.class, pathPrefix);
        List<Violation> found = new ArrayList<>(binder.violations());
        found.addAll(constraintViolations(request, pathPrefix, binder.violations(), messages));
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(config.zone());
        Integer age = null;
        if (found.stream().noneMatch(v -> v.field().startsWith(prefixed(pathPrefix, "patient.age"))
                || v.field().startsWith(prefixed(pathPrefix, "patient.dateOfBirth")))) {
            age = resolveAge(request.patient(), asOf, pathPrefix, messages, found);
        }
        checkDates(request, asOf, pathPrefix, messages, found);
        brokenText(node, pathPrefix, messages, found);
        found.removeIf(violation -> underMistypedField(violation, binder.violations()));
        found.sort(Comparator.comparing(Violation::field));
        if (!found.isEmpty()) {
            violations.addAll(found);
            return null;
        }
        return new Valid(request, intake(request, asOf, age), node);
    }

    private List<Violation> constraintViolations(ScreeningRequest request, String pathPrefix,
            List<Violation> typeErrors, Messages messages) {
        Set<ConstraintViolation<ScreeningRequest>> constraintViolations = validator.validate(request);
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ScreeningRequest> violation : constraintViolations) {
            String path = prefixed(pathPrefix, violation.getPropertyPath().toString().replace(".<list element>", ""));
            // A field that failed to bind is already reported; its null must not read as "missing".
            if (typeErrors.stream().noneMatch(error -> path.equals(error.field()))) {
                violations.add(new Violation(path, message(violation, messages)));
            }
        }
        return violations;
    }

    /**
     * Text holding half a surrogate pair is not Unicode: written out as UTF-8 it would turn into '?', so the audit
     * record would differ from the answer. Every string anywhere in the body is checked, not only known fields.
     */
    private static void brokenText(JsonNode node, String path, Messages messages, List<Violation> violations) {
        if (node.isTextual()) {
            if (Characters.hasBrokenSurrogate(node.textValue())
                    && violations.stream().noneMatch(violation -> violation.field().equals(path))) {
                violations.add(new Violation(path, messages.get("violation.brokenText")));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                brokenText(node.get(i), path + "[" + i + "]", messages, violations);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> brokenText(field.getValue(), prefixed(path, field.getKey()),
                    messages, violations));
        }
    }

    /** A field inside an object that was not an object at all adds nothing but noise. */
    private static boolean underMistypedField(Violation violation, List<Violation> typeErrors) {
        return typeErrors.stream().anyMatch(error -> violation.field().startsWith(error.field() + "."));
    }

    private static String message(ConstraintViolation<?> violation, Messages messages) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof Min min) {
            return messages.get("violation.atLeast", String.valueOf(min.value()));
        }
        if (constraint instanceof Max max) {
            return messages.get("violation.atMost", String.valueOf(max.value()));
        }
        if (constraint instanceof DecimalMin min) {
            return messages.get("violation.atLeast", min.value());
        }
        if (constraint instanceof DecimalMax max) {
            return messages.get("violation.atMost", max.value());
        }
        if (constraint instanceof Identifier) {
            return messages.get("violation.controlCharacters");
        }
        if (constraint instanceof MaxCharacters max) {
            return messages.get("violation.maxLength", String.valueOf(max.value()));
        }
        if (constraint instanceof Size size) {
            return messages.get(violation.getInvalidValue() instanceof Collection<?> ? "violation.maxItems"
                    : "violation.maxLength", String.valueOf(size.max()));
        }
        return messages.get("violation.required");
    }

    private Integer resolveAge(PatientAnswers patient, LocalDate asOf, String pathPrefix, Messages messages,
            List<Violation> violations) {
        String agePath = prefixed(pathPrefix, "patient.age");
        if (patient.dateOfBirth() == null) {
            if (patient.age() == null) {
                violations.add(new Violation(agePath, messages.get("violation.ageOrBirthDate")));
            }
            return patient.age();
        }
        if (patient.dateOfBirth().isAfter(asOf)) {
            return null;
        }
        int derived = Ages.ageOn(patient.dateOfBirth(), asOf);
        if (derived > PatientAnswers.MAX_AGE) {
            // The bad value is the birth date, but the broken rule is the age range: name both.
            String message = messages.get("violation.ageFromBirthDate", String.valueOf(derived), asOf.toString());
            violations.add(new Violation(prefixed(pathPrefix, "patient.dateOfBirth"), message));
            violations.add(new Violation(agePath, message));
            return null;
        }
        if (patient.age() != null && patient.age() != derived) {
            violations.add(new Violation(agePath,
                    messages.get("violation.ageMismatch", String.valueOf(derived), asOf.toString())));
            return null;
        }
        return derived;
    }

    private static void checkDates(ScreeningRequest request, LocalDate asOf, String pathPrefix, Messages messages,
            List<Violation> violations) {
        notAfter(request.patient().dateOfBirth(), asOf, prefixed(pathPrefix, "patient.dateOfBirth"), messages,
                violations);
        notAfter(request.lastMicroneedlingDate(), asOf, prefixed(pathPrefix, "lastMicroneedlingDate"), messages,
                violations);
        if (request.asOf() != null && request.asOf().isAfter(LATEST_AS_OF)) {
            violations.add(new Violation(prefixed(pathPrefix, "asOf"),
                    messages.get("violation.notAfter", LATEST_AS_OF.toString())));
        }
        HistoryAnswers history = request.history();
        LocalDate latestPlannedEnd = asOf.plusYears(MAX_PLANNED_YEARS);
        if (history.radiationTherapyEndDate() != null && history.radiationTherapyEndDate().isAfter(latestPlannedEnd)) {
            violations.add(new Violation(prefixed(pathPrefix, "history.radiationTherapyEndDate"),
                    messages.get("violation.tooFarAfterAsOf", String.valueOf(MAX_PLANNED_YEARS),
                            latestPlannedEnd.toString())));
        }
        notAfter(history.isotretinoinStopDate(), asOf, prefixed(pathPrefix, "history.isotretinoinStopDate"), messages,
                violations);
        if (history.radiationTherapyEndDate() != null && history.radiationTherapy() == Answer.NO) {
            violations.add(new Violation(prefixed(pathPrefix, "history.radiationTherapyEndDate"),
                    messages.get("violation.radiationEndWithoutTherapy")));
        }
        if (history.isotretinoinStopDate() != null && history.isotretinoin() == Answer.YES) {
            violations.add(new Violation(prefixed(pathPrefix, "history.isotretinoinStopDate"),
                    messages.get("violation.stopDateWhileTaking")));
        }
        // Without its answer a stop date would read as "not assessed" and a recent stop would be lost.
        String isotretinoin = prefixed(pathPrefix, "history.isotretinoin");
        if (history.isotretinoinStopDate() != null && history.isotretinoin() == null
                && violations.stream().noneMatch(violation -> violation.field().equals(isotretinoin))) {
            violations.add(new Violation(isotretinoin, messages.get("violation.requiredWithStopDate")));
        }
    }

    private static void notAfter(LocalDate date, LocalDate asOf, String path, Messages messages,
            List<Violation> violations) {
        if (date != null && date.isAfter(asOf)) {
            violations.add(new Violation(path, messages.get("violation.afterAsOf", asOf.toString())));
        }
    }

    static Intake intake(ScreeningRequest request, LocalDate asOf, int age) {
        PatientAnswers patient = request.patient();
        HistoryAnswers history = request.history();
        Map<Question, Answer> answers = new EnumMap<>(Question.class);
        ANSWER_FIELDS.forEach((question, path) -> put(answers, question, answer(request, path)));
        TreatmentPlan treatment = request.treatment();
        FitzpatrickSkinType skinType = patient.fitzpatrickSkinType();
        return new Intake(asOf, patient.dateOfBirth(), age, answers, skinType == null ? null : skinType.number(),
                history.radiationTherapyEndDate(), history.isotretinoinStopDate(),
                request.medications() == null ? List.of() : request.medications(), request.lastMicroneedlingDate(),
                Boolean.TRUE.equals(treatment.energyAssisted()), treatment.needleDepthMm(),
                codes(request.conditionCodes()), codes(request.medicationCodes()), List.of(), null);
    }

    private static List<ClinicalCode> codes(List<CodeEntry> entries) {
        return entries == null ? List.of()
                : entries.stream().map(entry -> new ClinicalCode(entry.system(), entry.code())).toList();
    }

    /**
     * Each question's field in the request, found by the question's JSON path, so that a new question
     * needs no copying code here; a question without an answer field stops the service at start-up.
     */
    private static Map<Question, List<Method>> answerFields() {
        Map<Question, List<Method>> fields = new EnumMap<>(Question.class);
        for (Question question : Question.values()) {
            List<RecordComponent> path = QuestionnaireDefinition.components(question.path());
            if (path.get(path.size() - 1).getType() != Answer.class) {
                throw new IllegalStateException("The request field " + question.path() + " is not an answer");
            }
            fields.put(question, path.stream().map(RecordComponent::getAccessor).toList());
        }
        return fields;
    }

    private static Answer answer(ScreeningRequest request, List<Method> path) {
        Object value = request;
        try {
            for (Method accessor : path) {
                value = accessor.invoke(value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return (Answer) value;
    }

    private static void put(Map<Question, Answer> answers, Question question, Answer answer) {
        if (answer != null) {
            answers.put(question, answer);
        }
    }

    private static String prefixed(String prefix, String path) {
        return prefix.isEmpty() ? path : prefix + "." + path;
    }
}
