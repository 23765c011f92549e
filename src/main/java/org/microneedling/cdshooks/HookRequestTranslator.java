package org.microneedling.cdshooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.microneedling.common.Characters;
import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
import org.microneedling.fhir.QuestionnaireResponseTranslator;
import org.microneedling.screening.rules.Question;

/**
 * Translates an appointment-book hook call into the v1 request: the birth date from the Patient,
 * coded conditions from active Conditions, coded and named medicines from active
 * MedicationRequests, and the answers of a completed intake QuestionnaireResponse when the EHR
 * holds one. Every yes/no question the record cannot answer is sent as UNKNOWN, so that the
 * provider clears it rather than the screening assuming NO.
 */
@ApplicationScoped
class HookRequestTranslator {

    static final String HOOK = "appointment-book";
    static final String PREFETCH_PATIENT = "patient";
    static final String PREFETCH_CONDITIONS = "conditions";
    static final String PREFETCH_MEDICATIONS = "medications";
    static final String PREFETCH_INTAKE = "intake";

    // The v1 request's limits; an EHR record that holds more is cut rather than refused.
    private static final int MAX_MEDICATION_TEXTS = 50;
    private static final int MAX_MEDICATION_TEXT_LENGTH = 200;
    private static final int MAX_CODES = 100;
    private static final int MAX_EXTERNAL_REFERENCE = 64;
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> ACTIVE_CLINICAL_STATUSES = Set.of("active", "recurrence", "relapse");
    private static final Set<String> DISCARDED_VERIFICATION_STATUSES = Set.of("refuted", "entered-in-error");
    private static final Set<String> ENDED_REQUEST_STATUSES = Set.of("cancelled", "completed", "entered-in-error",
            "stopped", "draft");

    private final QuestionnaireResponseTranslator questionnaireResponses;

    HookRequestTranslator(QuestionnaireResponseTranslator questionnaireResponses) {
        this.questionnaireResponses = questionnaireResponses;
    }

    /**
     * A translated hook call.
     *
     * @param request the v1 request, or {@code null} when the record has no birth date to screen with
     * @param unknownFromRecord the questions sent as UNKNOWN because neither the record nor an intake answered them
     */
    record Translated(ObjectNode request, List<String> unknownFromRecord) {
    }

    /** @param questionnaireUrls the canonical URLs of our Questionnaire, one per language */
    Translated translate(JsonNode hookRequest, List<String> questionnaireUrls, Messages messages) {
        if (!hookRequest.isObject()) {
            throw ProblemException.invalid(messages.get("cds.problem.notObject"), List.of());
        }
        List<Violation> violations = new ArrayList<>();
        String hook = text(hookRequest.get("hook"));
        if (!HOOK.equals(hook)) {
            violations.add(new Violation("hook", messages.get("cds.violation.hook", HOOK)));
        }
        String hookInstance = text(hookRequest.get("hookInstance"));
        if (hookInstance == null || hookInstance.isBlank()) {
            violations.add(new Violation("hookInstance", messages.get("violation.required")));
        } else if (Characters.hasControlOrBroken(hookInstance)) {
            violations.add(new Violation("hookInstance", messages.get("violation.controlCharacters")));
        }
        JsonNode context = hookRequest.get("context");
        String patientId = context != null && context.isObject() ? text(context.get("patientId")) : null;
        if (patientId == null || patientId.isBlank()) {
            violations.add(new Violation("context.patientId", messages.get("violation.required")));
        }
        JsonNode prefetch = hookRequest.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            violations.add(new Violation("prefetch", messages.get("violation.object")));
        }
        throwIfAny(violations, messages);
        JsonNode patient = prefetch == null || !prefetch.isObject() ? null : prefetch.get(PREFETCH_PATIENT);
        if (patient == null || patient.isNull()) {
            // CDS Hooks: a service that cannot obtain the data it needs answers 412.
            throw new ProblemException(Problem.of(ProblemType.PRECONDITION_FAILED,
                    messages.get("cds.problem.noPatient", PREFETCH_PATIENT)));
        }
        requireResource(patient, "Patient", "prefetch." + PREFETCH_PATIENT, violations, messages);
        String patientResourceId = text(patient.get("id"));
        if (patientResourceId != null && !patientResourceId.equals(patientId)) {
            violations.add(new Violation("prefetch.patient.id", messages.get("cds.violation.otherPatient")));
        }
        JsonNode conditions = bundle(prefetch.get(PREFETCH_CONDITIONS), "prefetch." + PREFETCH_CONDITIONS, violations,
                messages);
        JsonNode medications = bundle(prefetch.get(PREFETCH_MEDICATIONS), "prefetch." + PREFETCH_MEDICATIONS,
                violations, messages);
        throwIfAny(violations, messages);

        JsonNode intake = latestIntake(prefetch.get(PREFETCH_INTAKE), questionnaireUrls);
        ObjectNode request = intake == null ? JsonNodeFactory.instance.objectNode()
                : questionnaireResponses.toScreeningRequest(intake, messages);
        if (!Characters.exceed(hookInstance, MAX_EXTERNAL_REFERENCE)) {
            request.put("externalReference", hookInstance);
        }
        String appointmentDate = appointmentDate(context.get("appointments"));
        if (appointmentDate != null) {
            request.put("asOf", appointmentDate);
        }
        ObjectNode patientAnswers = object(request, "patient");
        String birthDate = text(patient.get("birthDate"));
        if (birthDate != null && FULL_DATE.matcher(birthDate).matches()) {
            patientAnswers.put("dateOfBirth", birthDate);
            patientAnswers.remove("age");
        } else if (!patientAnswers.has("dateOfBirth") && !patientAnswers.has("age")) {
            return new Translated(null, List.of());
        }
        addConditionCodes(conditions, request);
        addMedications(medications, request);
        return new Translated(request, fillUnknown(request));
    }

    private static List<String> fillUnknown(ObjectNode request) {
        List<String> unknown = new ArrayList<>();
        for (Question question : Question.values()) {
            String[] path = question.path().split("\\.");
            ObjectNode section = object(request, path[0]);
            if (!section.has(path[1]) || section.get(path[1]).isNull()) {
                section.put(path[1], "UNKNOWN");
                unknown.add(question.path());
            }
        }
        return unknown;
    }

    private static void addConditionCodes(JsonNode bundle, ObjectNode request) {
        for (JsonNode condition : resources(bundle, "Condition")) {
            if (!hasCode(condition.get("clinicalStatus"), ACTIVE_CLINICAL_STATUSES, true)
                    || hasCode(condition.get("verificationStatus"), DISCARDED_VERIFICATION_STATUSES, false)) {
                continue;
            }
            addCodings(condition.path("code"), array(request, "conditionCodes"));
        }
    }

    private static void addMedications(JsonNode bundle, ObjectNode request) {
        Set<String> texts = new LinkedHashSet<>();
        ArrayNode existing = array(request, "medications");
        existing.forEach(text -> texts.add(text.asText()));
        for (JsonNode medicationRequest : resources(bundle, "MedicationRequest")) {
            if (ENDED_REQUEST_STATUSES.contains(medicationRequest.path("status").asText(""))) {
                continue;
            }
            JsonNode concept = medicationRequest.path("medicationCodeableConcept");
            addCodings(concept, array(request, "medicationCodes"));
            for (JsonNode coding : concept.path("coding")) {
                addText(texts, text(coding.get("display")));
            }
            addText(texts, text(concept.get("text")));
        }
        existing.removeAll();
        texts.stream().limit(MAX_MEDICATION_TEXTS).forEach(existing::add);
        if (existing.isEmpty()) {
            request.remove("medications");
        }
    }

    private static void addText(Set<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            String trimmed = text.strip();
            texts.add(Characters.truncate(trimmed, MAX_MEDICATION_TEXT_LENGTH));
        }
    }

    private static void addCodings(JsonNode concept, ArrayNode codes) {
        for (JsonNode coding : concept.path("coding")) {
            String system = text(coding.get("system"));
            String code = text(coding.get("code"));
            if (system != null && !system.isBlank() && code != null && !code.isBlank() && codes.size() < MAX_CODES) {
                codes.addObject().put("system", system).put("code", code);
            }
        }
    }

    /** Whether a CodeableConcept has one of the codes; {@code whenAbsent} when it has none at all. */
    private static boolean hasCode(JsonNode concept, Set<String> codes, boolean whenAbsent) {
        if (concept == null || !concept.path("coding").isArray() || concept.path("coding").isEmpty()) {
            return whenAbsent;
        }
        for (JsonNode coding : concept.path("coding")) {
            if (codes.contains(coding.path("code").asText(""))) {
                return true;
            }
        }
        return false;
    }

    private JsonNode latestIntake(JsonNode prefetched, List<String> questionnaireUrls) {
        if (prefetched == null || prefetched.isNull()) {
            return null;
        }
        List<JsonNode> candidates = "QuestionnaireResponse".equals(text(prefetched.get("resourceType")))
                ? List.of(prefetched) : resources(prefetched, "QuestionnaireResponse");
        JsonNode latest = null;
        for (JsonNode response : candidates) {
            String status = response.path("status").asText("");
            String questionnaire = response.path("questionnaire").asText("");
            boolean ours = questionnaire.isEmpty() || questionnaireUrls.contains(questionnaire.split("\\|", 2)[0]);
            boolean finished = status.equals("completed") || status.equals("amended");
            if (ours && finished && (latest == null
                    || response.path("authored").asText("").compareTo(latest.path("authored").asText("")) > 0)) {
                latest = response;
            }
        }
        return latest;
    }

    private static String appointmentDate(JsonNode appointments) {
        for (JsonNode appointment : resources(appointments, "Appointment")) {
            String start = text(appointment.get("start"));
            if (start != null && start.length() >= 10 && FULL_DATE.matcher(start.substring(0, 10)).matches()) {
                return start.substring(0, 10);
            }
        }
        return null;
    }

    private static List<JsonNode> resources(JsonNode bundle, String resourceType) {
        List<JsonNode> resources = new ArrayList<>();
        if (bundle == null || !bundle.isObject()) {
            return resources;
        }
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.get("resource");
            if (resource != null && resourceType.equals(text(resource.get("resourceType")))) {
                resources.add(resource);
            }
        }
        return resources;
    }

    private static JsonNode bundle(JsonNode node, String field, List<Violation> violations, Messages messages) {
        if (node == null || node.isNull()) {
            return null;
        }
        requireResource(node, "Bundle", field, violations, messages);
        return node;
    }

    private static void requireResource(JsonNode node, String resourceType, String field, List<Violation> violations,
            Messages messages) {
        if (!node.isObject() || !resourceType.equals(text(node.get("resourceType")))) {
            violations.add(new Violation(field, messages.get("cds.violation.resourceType", resourceType)));
        }
    }

    private static void throwIfAny(List<Violation> violations, Messages messages) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(messages.get("cds.problem.invalid", String.valueOf(violations.size())),
                    violations);
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static ArrayNode array(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ArrayNode array ? array : parent.putArray(name);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
