package org.microneedling.screening.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a v1 request body into an {@link Intake}, for replaying the vignettes through the rules
 * without the HTTP layer. It refuses anything the contract would answer with a 400, so that a
 * vignette which passes here is also a valid request for the real endpoint.
 */
final class VignetteIntakes {

    private static final Set<String> TOP_LEVEL = Set.of("externalReference", "asOf", "patient", "history",
            "medications", "lastMicroneedlingDate", "treatment");
    private static final Set<String> PATIENT = Set.of("dateOfBirth", "age", "pregnant", "breastfeeding",
            "fitzpatrickSkinType");
    private static final Set<String> TREATMENT = Set.of("energyAssisted", "needleDepthMm");
    private static final Set<String> HISTORY_DATES = Set.of("radiationTherapyEndDate", "isotretinoinStopDate");
    private static final List<String> REQUIRED_HISTORY = List.of("activeAcne", "activeColdSores", "coldSoreHistory",
            "otherActiveSkinInfection", "eczema", "psoriasis", "keloidOrHypertrophicScarring", "bleedingDisorder",
            "takesBloodThinners", "radiationTherapy");
    private static final Map<String, Integer> ROMAN = Map.of("I", 1, "II", 2, "III", 3, "IV", 4, "V", 5, "VI", 6);

    private VignetteIntakes() {
    }

    static Intake fromRequest(JsonNode request) {
        requireOnly("", request, TOP_LEVEL);
        LocalDate asOf = LocalDate.parse(require(request, "asOf").asText());
        JsonNode patient = require(request, "patient");
        JsonNode history = require(request, "history");
        requireOnly("patient.", patient, PATIENT);
        requireOnly("history.", history, historyFields());

        Intake.Builder builder = Intake.builder(asOf);
        readAge(patient, asOf, builder);
        for (Question question : Question.values()) {
            String[] path = question.path().split("\\.");
            JsonNode section = path[0].equals("patient") ? patient : history;
            builder.answer(question, answer(question.path(), section.get(path[1])));
        }
        require(patient, "pregnant");
        for (String required : REQUIRED_HISTORY) {
            require(history, required);
        }
        builder.fitzpatrickSkinType(skinType(patient.get("fitzpatrickSkinType")));

        LocalDate radiationEnd = date(history.get("radiationTherapyEndDate"));
        if (radiationEnd != null && radiationEnd.isAfter(asOf.plusYears(10))) {
            throw new IllegalArgumentException("history.radiationTherapyEndDate more than 10 years after asOf");
        }
        if (radiationEnd != null && answer("history.radiationTherapy", history.get("radiationTherapy")) == Answer.NO) {
            throw new IllegalArgumentException("history.radiationTherapyEndDate given with radiationTherapy NO");
        }
        LocalDate isotretinoinStop = notAfter(asOf, "history.isotretinoinStopDate",
                date(history.get("isotretinoinStopDate")));
        if (isotretinoinStop != null && answer("history.isotretinoin", history.get("isotretinoin")) == Answer.YES) {
            throw new IllegalArgumentException("history.isotretinoinStopDate given with isotretinoin YES");
        }
        if (isotretinoinStop != null && answer("history.isotretinoin", history.get("isotretinoin")) == null) {
            throw new IllegalArgumentException("history.isotretinoin is required with a stop date");
        }
        builder.radiationTherapyEndDate(radiationEnd).isotretinoinStopDate(isotretinoinStop);
        builder.lastMicroneedlingDate(notAfter(asOf, "lastMicroneedlingDate", date(request.get("lastMicroneedlingDate"))));

        List<String> medications = new ArrayList<>();
        JsonNode list = request.get("medications");
        if (list != null && !list.isNull()) {
            list.forEach(item -> medications.add(item.textValue()));
        }
        builder.medications(medications);

        JsonNode treatment = request.get("treatment");
        if (treatment != null && !treatment.isNull()) {
            requireOnly("treatment.", treatment, TREATMENT);
            JsonNode energy = treatment.get("energyAssisted");
            builder.energyAssisted(energy != null && energy.asBoolean());
            JsonNode depth = treatment.get("needleDepthMm");
            if (depth != null && !depth.isNull()) {
                BigDecimal millimetres = depth.decimalValue();
                if (millimetres.compareTo(new BigDecimal("0.2")) < 0 || millimetres.compareTo(new BigDecimal("2.5")) > 0) {
                    throw new IllegalArgumentException("treatment.needleDepthMm out of 0.2-2.5: " + millimetres);
                }
                builder.needleDepthMm(millimetres);
            }
        }
        return builder.build();
    }

    private static Set<String> historyFields() {
        Set<String> fields = new HashSet<>(HISTORY_DATES);
        for (Question question : Question.values()) {
            if (question.path().startsWith("history.")) {
                fields.add(question.path().substring("history.".length()));
            }
        }
        return fields;
    }

    private static void readAge(JsonNode patient, LocalDate asOf, Intake.Builder builder) {
        LocalDate dateOfBirth = notAfter(asOf, "patient.dateOfBirth", date(patient.get("dateOfBirth")));
        JsonNode age = patient.get("age");
        boolean ageGiven = age != null && !age.isNull();
        if (dateOfBirth == null && !ageGiven) {
            throw new IllegalArgumentException("patient.age or patient.dateOfBirth is required");
        }
        if (ageGiven && !age.isIntegralNumber()) {
            throw new IllegalArgumentException("patient.age must be a whole number");
        }
        if (dateOfBirth != null) {
            builder.dateOfBirth(dateOfBirth);
            if (ageGiven && age.intValue() != Ages.ageOn(dateOfBirth, asOf)) {
                throw new IllegalArgumentException("patient.age disagrees with patient.dateOfBirth");
            }
        } else {
            builder.age(age.intValue());
        }
    }

    private static Answer answer(String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? Answer.YES : Answer.NO;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            for (Answer answer : Answer.values()) {
                if (answer.name().equalsIgnoreCase(text)) {
                    return answer;
                }
            }
        }
        throw new IllegalArgumentException(path + ": not YES, NO or UNKNOWN: " + node);
    }

    private static Integer skinType(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Integer type = node.isIntegralNumber() ? Integer.valueOf(node.intValue())
                : node.isTextual() ? ROMAN.get(node.textValue().toUpperCase(Locale.ROOT)) : null;
        if (type == null || type < 1 || type > 6) {
            throw new IllegalArgumentException("patient.fitzpatrickSkinType: not I to VI: " + node);
        }
        return type;
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.textValue());
    }

    private static LocalDate notAfter(LocalDate asOf, String path, LocalDate date) {
        if (date != null && date.isAfter(asOf)) {
            throw new IllegalArgumentException(path + " lies after asOf");
        }
        return date;
    }

    private static JsonNode require(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing required " + field);
        }
        return node;
    }

    private static void requireOnly(String prefix, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(prefix + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown property " + prefix + name);
            }
        }
    }
}
